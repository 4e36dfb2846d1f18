// The contact store's batched read over DynamoDB Local: what the deadline check reads for every
// organisation owing a report. Its own organisation ids (a random suffix), so other suites' lists
// cannot meet it; items are written with the table's own keys, not through put(), so no audit
// events are left for other suites' trail reads.
import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { storageConfigFromEnv } from '#functions/composition';
import { getDocumentClient } from '#store/clients';
import { DynamoContactStore } from '#store/contact-store';
import { keys } from '#store/keys';

describe('contact store', () => {
  it('reads the lists of more organisations than one BatchGetItem takes, leaving out those without one', async () => {
    const { table } = storageConfigFromEnv();
    const db = getDocumentClient();
    const store = new DynamoContactStore(db, table);
    const run = ulid().toLowerCase();
    // 230 organisations: three batches (100, 100, 30); every third has no list.
    const ids = Array.from({ length: 230 }, (_, i) => `test-${run}-${i}`);
    const listed = ids.filter((_, i) => i % 3 !== 0);
    await Promise.all(
      listed.map((orgId, i) =>
        db.send(new PutCommand({ TableName: table, Item: { ...keys.contacts(orgId), type: 'contacts', orgId, emails: [`a${i}@example.org`, `b${i}@example.org`] } })),
      ),
    );
    // Asked twice for some (a round's respondents and its coordinator): each read once, answered once.
    const got = await store.getMany([...ids, ...ids.slice(0, 10)]);
    expect([...got.keys()].sort()).toEqual([...listed].sort());
    for (const orgId of listed) {
      expect(got.get(orgId)).toEqual(await store.get(orgId));
      expect(got.get(orgId)!.emails).toHaveLength(2);
    }
    expect(await store.getMany([])).toEqual(new Map());
  });
});
