// Forms in DynamoDB (catalogue and version metadata) and S3 (the schema documents).
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FormManifest, FormRecord, FormStore, FormVersionRecord, AuditEvent } from '#core/ports';
import type { FormSummary, JsonObject } from '#schemas/api';
import { keys, objectKeys } from '#store/keys';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';
import type { JsonBlobs } from '#store/blobs';

type VersionMeta = Omit<FormVersionRecord, 'schema'> & { schemaKey: string };

export class DynamoFormStore implements FormStore {
  // Published versions never change, so one read per process is enough.
  private readonly versions = new Map<string, FormVersionRecord>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly blobs: JsonBlobs,
  ) {}

  async listForms(): Promise<FormSummary[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'FORMS' } }),
    );
    return (out.Items ?? []).map((item) => toSummary(item as FormRecord));
  }

  async getForm(formId: string): Promise<FormRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.formCatalogue(formId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const item = out.Item as FormRecord;
    return { ...toSummary(item), versions: item.versions };
  }

  async getVersion(formId: string, version: number): Promise<FormVersionRecord | undefined> {
    const cacheKey = `${formId}@${version}`;
    const cached = this.versions.get(cacheKey);
    if (cached) return cached;
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.formVersion(formId, version) }));
    if (!out.Item) return undefined;
    const { schemaKey, formId: id, version: v, publishedAt, publishedBy, changes } = out.Item as VersionMeta;
    const record: FormVersionRecord = {
      formId: id,
      version: v,
      publishedAt,
      publishedBy,
      schema: await this.blobs.get<JsonObject>(schemaKey),
      ...(changes ? { changes } : {}),
    };
    this.versions.set(cacheKey, record);
    return record;
  }

  async publishVersion(manifest: FormManifest, version: FormVersionRecord, event: AuditEvent): Promise<void> {
    const schemaKey = objectKeys.formSchema(version.formId, version.version);
    await this.blobs.put(schemaKey, version.schema);
    const { schema: _schema, ...meta } = version;
    const previous = version.version - 1;
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.formVersion(version.formId, version.version), type: 'form-version', ...meta, schemaKey },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: keys.formCatalogue(version.formId),
          UpdateExpression:
            'SET #type = :type, formId = :id, title = :title, description = :desc, respondentKind = :kind, #plan = :plan, latestVersion = :v, updatedAt = :at, versions = list_append(if_not_exists(versions, :empty), :vs)',
          ConditionExpression: previous === 0 ? 'attribute_not_exists(PK)' : 'latestVersion = :prev',
          ExpressionAttributeNames: { '#type': 'type', '#plan': 'plan' },
          ExpressionAttributeValues: {
            ':type': 'form',
            ':id': manifest.formId,
            ':title': manifest.title,
            ':desc': manifest.description,
            ':kind': manifest.respondentKind,
            ':plan': manifest.plan,
            ':v': version.version,
            ':at': version.publishedAt,
            ':empty': [],
            ':vs': [version.version],
            ...(previous === 0 ? {} : { ':prev': previous }),
          },
        },
      },
      auditPut(this.table, event),
    ]);
  }
}

function toSummary(item: FormRecord): FormSummary {
  const { formId, title, description, respondentKind, plan, latestVersion, updatedAt } = item;
  return { formId, title, description, respondentKind, plan, latestVersion, updatedAt };
}
