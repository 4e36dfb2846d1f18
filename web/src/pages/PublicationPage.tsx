// One publication. Its editors (SST's administrators and the invited co-authors) write sections
// that autosave with the draft's ETag, see a live print preview, comment per section and read the
// versions with what changed; SST's administrators add data blocks, approve and publish. Everyone
// else reads the published editions (HTML in the page, PDF to download).
import { useEffect, useRef, useState } from 'react';
import { ApiError, apiUrl, describe, download, get, getText, openHtml, request } from '../api.ts';
import { formatClock, formatDateTime, type StringKey } from '../i18n.ts';
import { t, type PublicationsKey } from '../i18n-publications.ts';
import { href } from '../router.ts';
import type { Session } from '../auth.ts';
import { ConfirmDialog, LoadError, Loading, Notice, PageTitle, useLoad } from '../components/common.tsx';
import type { DataBlockRef, Publication, PublicationVersion, QuestionGrouping, Section, SectionChange } from '#schemas/publication';
import type { Organisation, Round } from '../types.ts';
import { FIRST_HEALTH_COUNCIL_DATE } from '#core/health-council-date';

const AUTOSAVE_MS = 1200;

type SaveState = { kind: 'clean'; at?: Date } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string } | { kind: 'conflict'; by: string };

export function PublicationPage({ publicationId, session }: { publicationId: string; session: Session }) {
  const load = useLoad(async () => (await get<Publication>(`/publications/${encodeURIComponent(publicationId)}`)).body, [publicationId]);
  if (load.error) return <LoadError message={load.error} status={load.status} onRetry={load.reload} page back={{ href: href.publications(), label: t('navPublications') }} />;
  if (!load.data) return <Loading />;
  const pub = load.data;
  if (pub.may.edit || pub.may.comment) return <Editor key={pub.etag} initial={pub} session={session} reload={load.reload} />;
  return <Reader pub={pub} />;
}

function Back() {
  return (
    <p>
      <a href={href.publications()}>{t('pubBack')}</a>
    </p>
  );
}

/** The rendered page inside a sandboxed frame: no script runs in it, whatever its content. */
function Preview({ path, tick, title }: { path: string; tick: number; title: string }) {
  const [html, setHtml] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    getText(path).then(
      (text) => live && (setHtml(text), setError(undefined)),
      (err: unknown) => live && setError(describe(err)),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  if (error) return <Notice kind="error"><p>{error}</p></Notice>;
  if (html === undefined) return <Loading />;
  return <iframe className="pub-preview" title={title} sandbox="" srcDoc={html} />;
}

function Editions({ pub }: { pub: Publication }) {
  const [error, setError] = useState<string | undefined>();
  const id = encodeURIComponent(pub.publicationId);
  if (pub.editions.length === 0) return <p>{t('pubNotPublished')}</p>;
  return (
    <>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <ul className="stack">
        {[...pub.editions].reverse().map((e) => (
          <li key={e.edition}>
            <p>{t('pubEditionOf', e.edition, formatDateTime(e.publishedAt))}</p>
            <p className="row-actions">
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void openHtml(`/publications/${id}?format=html&edition=${e.edition}`, t('loading')).catch((err: unknown) => setError(describe(err)))}>
                {t('pubOpenHtml', e.edition)}
              </button>{' '}
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void download(`/publications/${id}?format=pdf&edition=${e.edition}`, `${pub.publicationId}-udgave-${e.edition}.pdf`).catch((err: unknown) => setError(describe(err)))}>
                {t('pubOpenPdf', e.edition)}
              </button>
            </p>
            {e.public && e.edition === pub.editions[pub.editions.length - 1]?.edition && (
              <p>
                {t('pubPublicLink')}: <a href={apiUrl(`/public/publications/${id}`)}>{apiUrl(`/public/publications/${id}`) || `/public/publications/${id}`}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={apiUrl('/public/publications.atom')}>{t('pubFeed')}</a>
      </p>
    </>
  );
}

function Reader({ pub }: { pub: Publication }) {
  const latest = pub.editions[pub.editions.length - 1];
  return (
    <>
      <Back />
      <PageTitle title={pub.title}>{pub.title}</PageTitle>
      <h2>{t('pubEditions')}</h2>
      <Editions pub={pub} />
      {latest && (
        <>
          <h2>{t('pubEditionN', latest.edition)}</h2>
          <Preview path={`/publications/${encodeURIComponent(pub.publicationId)}?format=html&edition=${latest.edition}`} tick={0} title={t('pubPreviewFrame')} />
        </>
      )}
    </>
  );
}

const newId = (sections: readonly Section[]) => {
  for (let n = sections.length + 1; ; n++) if (!sections.some((s) => s.id === `afsnit-${n}`)) return `afsnit-${n}`;
};

function describeBlock(b: DataBlockRef): string {
  const kind = t(`pubBlock_${b.type}` as StringKey | PublicationsKey);
  const grouping = b.type === 'question' ? `, ${t('pubBlockBy').toLowerCase()} ${t(`pubBlockBy_${b.by}` as StringKey | PublicationsKey)}` : '';
  return t('pubBlockDescribe', kind, 'roundId' in b ? `${b.roundId}${'field' in b ? ` (${b.field}${grouping})` : ''}` : `${b.formId} (${b.indicator})`);
}

function Editor({ initial, session, reload }: { initial: Publication; session: Session; reload: () => void }) {
  const [pub, setPub] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [sections, setSections] = useState<Section[]>(initial.sections);
  const [authors, setAuthors] = useState<string[]>(initial.authors);
  const [save, setSave] = useState<SaveState>({ kind: 'clean', at: new Date(initial.updatedAt) });
  const [previewTick, setPreviewTick] = useState(0);
  const etag = useRef(initial.etag);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Only SST's administrators send who is invited: a co-author's save never touches it.
  const invites = initial.may.invite;
  const latest = useRef<{ title: string; sections: Section[]; authors?: string[] }>({ title, sections });
  latest.current = invites ? { title, sections, authors } : { title, sections };
  /**
   * The element to focus once a just-added section is rendered: a text section's heading field,
   * where the person goes on typing; a data block's heading, which says what was inserted.
   */
  const focusSection = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusSection.current) return;
    document.getElementById(focusSection.current)?.focus();
    focusSection.current = undefined;
  }, [sections]);
  const id = encodeURIComponent(pub.publicationId);
  const sst = session.role === 'sst-admin' || session.role === 'sst-reader';

  const flush = async () => {
    timer.current = undefined;
    setSave({ kind: 'saving' });
    try {
      const res = await request<Publication>('PUT', `/publications/${id}`, { body: latest.current, ifMatch: etag.current });
      etag.current = res.body.etag;
      setPub(res.body);
      setSave(timer.current ? { kind: 'dirty' } : { kind: 'clean', at: new Date() });
      setPreviewTick((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) setSave({ kind: 'conflict', by: String(err.problem.savedBy ?? '') });
      else setSave({ kind: 'failed', message: describe(err) });
    }
  };
  const changed = (next: { title?: string; sections?: Section[]; authors?: string[] }) => {
    if (next.title !== undefined) setTitle(next.title);
    if (next.sections) setSections(next.sections);
    if (next.authors) setAuthors(next.authors);
    setSave({ kind: 'dirty' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const setSection = (i: number, s: Section) => changed({ sections: sections.map((x, j) => (j === i ? s : x)) });
  const move = (i: number, by: -1 | 1) => {
    const next = [...sections];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    changed({ sections: next });
  };
  const editable = pub.may.edit && save.kind !== 'conflict';

  return (
    <>
      <Back />
      <PageTitle title={title}>{title}</PageTitle>
      {pub.exampleNotice && (
        <Notice kind="warning">
          <p>{t('pubExampleNotice')}</p>
        </Notice>
      )}
      <p className="save-status" role="status">
        {save.kind === 'clean' && save.at ? t('pubSaved', formatClock(save.at)) : save.kind === 'saving' ? t('pubSaving') : save.kind === 'dirty' ? t('pubUnsaved') : ''}
      </p>
      {save.kind === 'failed' && (
        <Notice kind="error" role="alert">
          <p>{t('pubSaveFailed', save.message)}</p>
        </Notice>
      )}
      {save.kind === 'conflict' && (
        <Notice kind="error" role="alert">
          <p>{t('pubConflict', save.by)}</p>
          <button type="button" className="btn btn-secondary" onClick={reload}>
            {t('pubReload')}
          </button>
        </Notice>
      )}
      <div className="pub-layout">
        <div className="pub-editor stack">
          <div className="form-group">
            <label htmlFor="pub-title" className="control-label">
              {t('pubTitleField')}
            </label>
            <input id="pub-title" className="form-control" value={title} readOnly={!editable} onChange={(e) => changed({ title: e.target.value })} />
          </div>
          {sst && <CoAuthors authors={authors} invites={invites} editable={editable} onChange={(next) => changed({ authors: next })} />}
          <h2>{t('pubSections')}</h2>
          {sections.map((s, i) => (
            <section key={s.id} className="pub-section stack" aria-labelledby={`h-${s.id}`}>
              {/* Focusable by script only: where an inserted data block takes the keyboard, its block named in the description. */}
              <h3 id={`h-${s.id}`} tabIndex={-1} aria-describedby={s.kind === 'data' ? `b-${s.id}` : undefined}>
                {s.title || t('pubNewSection')}
              </h3>
              <div className="form-group">
                <label htmlFor={`t-${s.id}`} className="control-label">
                  {t('pubSectionTitle')}
                </label>
                <input id={`t-${s.id}`} className="form-control" value={s.title} readOnly={!editable} onChange={(e) => setSection(i, { ...s, title: e.target.value })} />
              </div>
              {s.kind === 'data' && (
                <p id={`b-${s.id}`} className="pub-block">
                  {t('pubBlock')}: {describeBlock(s.block)}
                </p>
              )}
              <div className="form-group">
                <label htmlFor={`m-${s.id}`} className="control-label">
                  {s.kind === 'data' ? t('pubSectionReading') : t('pubSectionText')}
                </label>
                <p id={`mh-${s.id}`} className="help-block">
                  {t('pubSectionTextHint')}
                </p>
                <textarea id={`m-${s.id}`} className="form-control" rows={6} aria-describedby={`mh-${s.id}`} value={s.markdown} readOnly={!editable} onChange={(e) => setSection(i, { ...s, markdown: e.target.value })} />
              </div>
              {editable && sst && (
                <p className="row-actions">
                  <button type="button" className="btn btn-secondary btn-small" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t('pubMoveUp', s.title)}
                  </button>{' '}
                  <button type="button" className="btn btn-secondary btn-small" disabled={i === sections.length - 1} onClick={() => move(i, 1)}>
                    {t('pubMoveDown', s.title)}
                  </button>{' '}
                  <button type="button" className="btn btn-danger btn-small" disabled={sections.length === 1} onClick={() => changed({ sections: sections.filter((_, j) => j !== i) })}>
                    {t('pubRemove', s.title)}
                  </button>
                </p>
              )}
              <Comments pub={pub} section={s} onAdded={(c) => setPub((p) => ({ ...p, comments: [...p.comments, c] }))} />
            </section>
          ))}
          {editable && (
            <p>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  const sectionId = newId(sections);
                  focusSection.current = `t-${sectionId}`;
                  changed({ sections: [...sections, { id: sectionId, kind: 'text', title: t('pubNewSection'), markdown: '' }] });
                }}
              >
                {t('pubAddText')}
              </button>
            </p>
          )}
          {editable && sst ? (
            <BlockPicker
              onInsert={(block) => {
                const sectionId = newId(sections);
                focusSection.current = `h-${sectionId}`;
                changed({ sections: [...sections, { id: sectionId, kind: 'data', title: t(`pubBlock_${block.type}` as StringKey | PublicationsKey), block, markdown: '' }] });
              }}
            />
          ) : (
            editable && <p className="muted">{t('pubBlockAuthorsNote')}</p>
          )}
          <Versions publicationId={pub.publicationId} tick={pub.revision} />
          <Review pub={pub} onChanged={(p) => ((etag.current = p.etag), setPub(p), setPreviewTick((n) => n + 1))} busy={save.kind !== 'clean'} />
          <h2>{t('pubEditions')}</h2>
          <Editions pub={pub} />
        </div>
        <div className="pub-preview-pane">
          <h2>{t('pubPreview')}</h2>
          <p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setPreviewTick((n) => n + 1)}>
              {t('pubPreviewRefresh')}
            </button>
          </p>
          <Preview path={`/publications/${id}?format=html`} tick={previewTick} title={t('pubPreviewFrame')} />
        </div>
      </div>
    </>
  );
}

/**
 * Who besides SST writes the draft: the national authorities the registry knows (SST itself not),
 * by official name. SST's administrators tick them; the choice autosaves with the draft, and an
 * organisation ticked off loses its access at once. SST's readers see the list without boxes.
 * Editable as the rest of the draft is: not while an overtaken save waits for the newest version.
 */
function CoAuthors({ authors, invites, editable, onChange }: { authors: string[]; invites: boolean; editable: boolean; onChange: (authors: string[]) => void }) {
  // The registry as of today (Danish time, the route's default); SST never invites itself.
  const orgs = useLoad(async () => (await get<{ items: Organisation[] }>('/orgs?kind=authority')).body.items.filter((o) => o.id !== 'sst'), []);
  const nameOf = (orgId: string) => orgs.data?.find((o) => o.id === orgId)?.officialName ?? orgId;
  return (
    <section aria-labelledby="pub-coauthors" className="pub-coauthors stack">
      <h2 id="pub-coauthors">{t('pubCoAuthors')}</h2>
      <p id="pub-coauthors-hint" className="help-block">
        {t('pubCoAuthorsHint')}
      </p>
      {orgs.error && <LoadError message={orgs.error} status={orgs.status} onRetry={orgs.reload} />}
      {orgs.loading && <Loading />}
      {orgs.data && invites && (
        // Disabled, not gone, while a newer version waits to be fetched.
        <fieldset aria-describedby="pub-coauthors-hint" disabled={!editable}>
          <legend className="sr-only">{t('pubCoAuthorsLegend')}</legend>
          {orgs.data.map((o) => (
            <div className="checkbox" key={o.id}>
              <label>
                <input type="checkbox" checked={authors.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...authors, o.id] : authors.filter((a) => a !== o.id))} /> {o.officialName}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {orgs.data && (
        <p role="status" className="pub-coauthors-now">
          {authors.length === 0 ? t('pubCoAuthorsNone') : t('pubCoAuthorsInvited', authors.map(nameOf).join(', '))}
        </p>
      )}
    </section>
  );
}

function Comments({ pub, section, onAdded }: { pub: Publication; section: Section; onAdded: (c: Publication['comments'][number]) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const mine = pub.comments.filter((c) => c.sectionId === section.id);
  const add = async () => {
    setError(undefined);
    try {
      const res = await request<Publication['comments'][number]>('POST', `/publications/${encodeURIComponent(pub.publicationId)}/comments`, { body: { sectionId: section.id, text } });
      onAdded(res.body);
      setText('');
    } catch (err) {
      setError(describe(err));
    }
  };
  return (
    <details className="pub-comments">
      <summary>
        {t('pubComments', section.title)} ({mine.length})
      </summary>
      {mine.length === 0 ? (
        <p>{t('pubCommentsNone')}</p>
      ) : (
        <ul>
          {mine.map((c) => (
            <li key={c.commentId}>
              <p>{c.text}</p>
              <p className="muted small">{t('pubCommentBy', c.by, formatDateTime(c.at))}</p>
            </li>
          ))}
        </ul>
      )}
      {pub.may.comment && (
        <div className="form-group">
          <label htmlFor={`c-${section.id}`} className="control-label">
            {t('pubCommentField', section.title)}
          </label>
          <textarea id={`c-${section.id}`} className="form-control" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          {error && <p className="text-error" role="alert">{error}</p>}
          <button type="button" className="btn btn-secondary btn-small" disabled={!text.trim()} onClick={() => void add()}>
            {t('pubCommentAdd')}
          </button>
        </div>
      )}
    </details>
  );
}

function Versions({ publicationId, tick }: { publicationId: string; tick: number }) {
  const load = useLoad(async () => (await get<{ items: PublicationVersion[] }>(`/publications/${encodeURIComponent(publicationId)}/versions`)).body.items, [publicationId, tick]);
  return (
    <details className="pub-versions">
      <summary>{t('pubVersions')}</summary>
      {load.error && <LoadError message={load.error} status={load.status} onRetry={load.reload} />}
      <ol>
        {[...(load.data ?? [])].reverse().map((v) => (
          <li key={v.revision}>
            <p>{t('pubVersionN', v.revision, v.by, formatDateTime(v.at))}</p>
            <ul>
              {v.changes.map((c) => (
                <li key={`${c.sectionId}-${c.change}`}>
                  <SectionChangeView change={c} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** One section's change as a co-author reads it: what happened, the old heading and block, the text word by word. */
function SectionChangeView({ change: c }: { change: SectionChange }) {
  const hasBlock = c.blockBefore !== undefined || c.blockAfter !== undefined;
  return (
    <>
      <p>
        <strong>{c.title}</strong>: {t(`pubChange_${c.change}` as StringKey | PublicationsKey)}
        {c.moved && ` ${t('pubChangeAlsoMoved')}`}
      </p>
      {c.titleBefore !== undefined && <p>{t('pubChangeTitle', c.titleBefore)}</p>}
      {hasBlock && <p>{t('pubChangeBlock', c.blockBefore ? describeBlock(c.blockBefore) : t('pubChangeBlockNone'), c.blockAfter ? describeBlock(c.blockAfter) : t('pubChangeBlockNone'))}</p>}
      {c.text ? (
        <>
          <p className="muted small">{t('pubChangeText')}:</p>
          <p className="pub-diff">
            {c.text.map((p, i) =>
              p.op === 'added' ? (
                <ins key={i}>
                  <span className="sr-only">{t('pubChangeAdded')}</span>
                  {p.text}
                </ins>
              ) : p.op === 'removed' ? (
                <del key={i}>
                  <span className="sr-only">{t('pubChangeRemoved')}</span>
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
          {c.textTruncated && <p className="muted">{t('pubChangeTruncated')}</p>}
        </>
      ) : (
        // Versions saved before the word diff: the whole lines removed and added.
        <>
          {(c.removed ?? []).map((l, i) => (
            <del key={`d${i}`} className="pub-line">
              {l}
            </del>
          ))}
          {(c.added ?? []).map((l, i) => (
            <ins key={`a${i}`} className="pub-line">
              {l}
            </ins>
          ))}
        </>
      )}
    </>
  );
}

interface FieldOption {
  pointer: string;
  title: string;
  kind: string;
}

/** Every field of a round's summary, list items included, as the block picker offers them. */
function fieldsOf(summary: { sections: { fields: unknown[] }[] }): FieldOption[] {
  const out = new Map<string, FieldOption>();
  const walk = (fields: unknown[]) => {
    for (const f of fields as { pointer: string; title: string; kind: string; items?: { fields: unknown[] }[] }[]) {
      if (!out.has(f.pointer)) out.set(f.pointer, { pointer: f.pointer, title: f.title, kind: f.kind });
      for (const item of f.items ?? []) walk(item.fields);
    }
  };
  for (const s of summary.sections) walk(s.fields);
  return [...out.values()];
}

const KIND_OF: Record<string, string> = { 'status-distribution': 'choice', question: 'number', 'free-text': 'text' };

function BlockPicker({ onInsert }: { onInsert: (block: DataBlockRef) => void }) {
  const [type, setType] = useState<DataBlockRef['type']>('completeness');
  const rounds = useLoad(async () => (await get<{ items: Round[] }>('/rounds')).body.items, []);
  const [roundId, setRoundId] = useState('');
  const [field, setField] = useState('');
  const [by, setBy] = useState<QuestionGrouping>('region');
  const [formId, setFormId] = useState('');
  const [indicator, setIndicator] = useState('');
  const [better, setBetter] = useState<'higher' | 'lower'>('higher');
  const round = roundId || rounds.data?.[0]?.roundId || '';
  // Sundhedsråd group municipalities from the reform's first day, by the round's respondents date.
  const chosenRound = rounds.data?.find((r) => r.roundId === round);
  const councils = chosenRound?.respondentKind === 'municipality' && chosenRound.respondentsAt >= FIRST_HEALTH_COUNCIL_DATE;
  const groupings: QuestionGrouping[] = councils ? ['region', 'health-council', 'organisation'] : ['region', 'organisation'];
  const chosenBy = groupings.includes(by) ? by : 'region';
  const wantsField = type in KIND_OF;
  const fields = useLoad(
    async () => (wantsField && round ? fieldsOf((await get<{ sections: { fields: unknown[] }[] }>(`/rounds/${encodeURIComponent(round)}/summary`)).body) : []),
    [round, wantsField],
  );
  const offered = (fields.data ?? []).filter((f) => f.kind === KIND_OF[type]);
  const chosenField = offered.some((f) => f.pointer === field) ? field : (offered[0]?.pointer ?? '');
  const forms = [...new Set((rounds.data ?? []).map((r) => r.formId))];
  const form = formId || forms[0] || '';

  const insert = () => {
    if (type === 'completeness') onInsert({ type, roundId: round });
    else if (type === 'indicator-series') onInsert({ type, formId: form, indicator: indicator.trim(), better });
    else if (type === 'question') onInsert({ type, roundId: round, field: chosenField, by: chosenBy });
    else onInsert({ type, roundId: round, field: chosenField });
  };
  const ready = type === 'indicator-series' ? Boolean(form && indicator.trim()) : Boolean(round && (!wantsField || chosenField));

  return (
    <fieldset className="pub-picker stack">
      <legend>{t('pubAddData')}</legend>
      <div className="form-group">
        <label htmlFor="pick-type" className="control-label">
          {t('pubBlockType')}
        </label>
        <select id="pick-type" className="form-control" value={type} onChange={(e) => setType(e.target.value as DataBlockRef['type'])}>
          {(['completeness', 'status-distribution', 'question', 'indicator-series', 'free-text'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`pubBlock_${k}` as StringKey | PublicationsKey)}
            </option>
          ))}
        </select>
      </div>
      {rounds.error && <LoadError message={rounds.error} status={rounds.status} onRetry={rounds.reload} />}
      {type === 'indicator-series' ? (
        <>
          <div className="form-group">
            <label htmlFor="pick-form" className="control-label">
              {t('pubBlockForm')}
            </label>
            <select id="pick-form" className="form-control" value={form} onChange={(e) => setFormId(e.target.value)}>
              {forms.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
          <div className="form-group">
            <label htmlFor="pick-indicator" className="control-label">
              {t('pubBlockIndicator')}
            </label>
            <input id="pick-indicator" className="form-control" value={indicator} onChange={(e) => setIndicator(e.target.value)} />
          </div>
          <div className="form-group">
            <label htmlFor="pick-better" className="control-label">
              {t('pubBlockBetter')}
            </label>
            <select id="pick-better" className="form-control" value={better} onChange={(e) => setBetter(e.target.value as 'higher' | 'lower')}>
              <option value="higher">{t('pubBlockBetter_higher')}</option>
              <option value="lower">{t('pubBlockBetter_lower')}</option>
            </select>
          </div>
        </>
      ) : (
        <div className="form-group">
          <label htmlFor="pick-round" className="control-label">
            {t('pubBlockRound')}
          </label>
          <select id="pick-round" className="form-control" value={round} onChange={(e) => setRoundId(e.target.value)}>
            {(rounds.data ?? []).map((r) => (
              <option key={r.roundId} value={r.roundId}>
                {r.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {wantsField && (
        <div className="form-group">
          <label htmlFor="pick-field" className="control-label">
            {t('pubBlockField')}
          </label>
          {fields.loading ? (
            <Loading />
          ) : offered.length === 0 ? (
            <p id="pick-field">{t('pubBlockFieldNone')}</p>
          ) : (
            <select id="pick-field" className="form-control" value={chosenField} onChange={(e) => setField(e.target.value)}>
              {offered.map((f) => (
                <option key={f.pointer} value={f.pointer}>
                  {f.title}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {type === 'question' && (
        <div className="form-group">
          <label htmlFor="pick-by" className="control-label">
            {t('pubBlockBy')}
          </label>
          <p id="pick-by-hint" className="help-block">
            {t('pubBlockByCouncilHint')}
          </p>
          <select id="pick-by" className="form-control" aria-describedby="pick-by-hint" value={chosenBy} onChange={(e) => setBy(e.target.value as QuestionGrouping)}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`pubBlockBy_${g}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p>
        <button type="button" className="btn btn-secondary" disabled={!ready} onClick={insert}>
          {t('pubBlockInsert')}
        </button>
      </p>
    </fieldset>
  );
}

function Review({ pub, onChanged, busy }: { pub: Publication; onChanged: (p: Publication) => void; busy: boolean }) {
  const [isPublic, setPublic] = useState(true);
  const [announce, setAnnounce] = useState(true);
  const [confirm, setConfirm] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const id = encodeURIComponent(pub.publicationId);
  if (!pub.may.invite) return null;
  const approve = async () => {
    setMessage(undefined);
    try {
      onChanged((await request<Publication>('POST', `/publications/${id}/approve`, { ifMatch: pub.etag })).body);
    } catch (err) {
      setMessage({ kind: 'error', text: describe(err) });
    }
  };
  const publish = async () => {
    setConfirm(false);
    setMessage(undefined);
    try {
      const res = await request<{ publication: Publication; announced: number }>('POST', `/publications/${id}/publish`, { ifMatch: pub.etag, body: { public: isPublic, announce } });
      onChanged(res.body.publication);
      const last = res.body.publication.editions[res.body.publication.editions.length - 1];
      setMessage({ kind: 'success', text: t('pubPublished', last?.edition ?? 0, res.body.announced) });
    } catch (err) {
      setMessage({ kind: 'error', text: describe(err) });
    }
  };
  return (
    <section aria-labelledby="pub-review" className="stack">
      <h2 id="pub-review">{t('pubReview')}</h2>
      {message && (
        <Notice kind={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </Notice>
      )}
      {pub.status === 'approved' && pub.approvedRevision !== undefined ? <p>{t('pubApproved', pub.approvedRevision, pub.approvedBy ?? '')}</p> : <p>{t('pubNeedsApproval')}</p>}
      {pub.may.approve && (
        <p>
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void approve()}>
            {t('pubApprove')}
          </button>
        </p>
      )}
      {pub.may.publish && (
        <div className="stack">
          <div className="checkbox">
            <label>
              <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> {t('pubPublic')}
            </label>
          </div>
          <div className="checkbox">
            <label>
              <input type="checkbox" checked={announce} onChange={(e) => setAnnounce(e.target.checked)} /> {t('pubAnnounce')}
            </label>
          </div>
          <p>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirm(true)}>
              {t('pubPublish')}
            </button>
          </p>
        </div>
      )}
      <ConfirmDialog open={confirm} title={t('pubPublishConfirmTitle')} confirmLabel={t('pubPublish')} onConfirm={() => void publish()} onCancel={() => setConfirm(false)}>
        <p>{t('pubPublishConfirm')}</p>
      </ConfirmDialog>
    </section>
  );
}
