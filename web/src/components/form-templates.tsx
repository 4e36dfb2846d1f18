// rjsf pieces replaced for people: number fields read Danish numbers ("1.234", "1 234", "12,5", "50 %"), list
// items are headed by their own number and name ("Initiativ 2: Tidlig opsporing"), and every
// list button says in words what it does and to which item.
import { useEffect, useState, type ChangeEvent } from 'react';
import { ariaDescribedByIds, getUiOptions, type ArrayFieldItemTemplateProps, type FieldProps, type IconButtonProps, type RegistryFieldsType } from '@rjsf/utils';
import { t } from '../i18n.ts';
import { itemTitle, numberAdvice, pointerOf, readDanishNumber, showDanishNumber, valueAt } from '../schema-form.ts';
import type { JsonObject } from '../types.ts';

/**
 * What the form shares with its templates: the whole answers, so an item can name itself, and
 * the level of a list item's heading in the page's outline (an item in an item's list one deeper).
 */
export interface FormContext {
  formData: JsonObject;
  itemHeadingLevel?: 2 | 3;
}

type Node = Record<string, any>;

/**
 * A number field that is a text field (so the browser never reinterprets what was typed). A value
 * that is no number stays in the form as text; autosave leaves it out and the form marks it. The
 * field says one thing: when the page marks it (a word with the same words, see withNumberAdvice;
 * a value out of range), the mark is the message; otherwise, or where nobody marks it (a
 * preview), its own hint is: what to type, or how a "1.234" or "50 %" was read.
 */
export function DanishNumberField(props: FieldProps) {
  const { fieldPathId, formData, onChange, onBlur, onFocus, disabled, readonly, schema, required, uiSchema, name, rawErrors, hideError } = props;
  const id = fieldPathId.$id;
  const unit = typeof (schema as Node)['x-unit'] === 'string' ? ((schema as Node)['x-unit'] as string) : undefined;
  const marked = !hideError && (rawErrors?.length ?? 0) > 0;
  // rjsf leaves the label to a field of one's own (ui:field): give it the same label and description.
  const label = String(uiSchema?.['ui:title'] ?? schema.title ?? name);
  const [text, setText] = useState(() => showDanishNumber(formData));
  // Follow the value when it changes from outside (a reload, a restored version), not while typing.
  useEffect(() => {
    const reading = readDanishNumber(text, unit);
    const same = reading.kind === 'number' ? reading.value === formData : reading.kind === 'empty' ? formData === undefined : formData === text;
    if (!same) setText(showDanishNumber(formData));
    // Only a new value from outside matters here; `text` is this field's own state.
  }, [formData]);
  const reading = readDanishNumber(text, unit);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const next = e.target.value;
    setText(next);
    const r = readDanishNumber(next, unit);
    onChange(r.kind === 'number' ? r.value : r.kind === 'empty' ? undefined : next, fieldPathId.path);
  };
  // A marked field says only what is wrong ("Må højst være 100." for "150 %"), never a second line.
  const hint = marked
    ? undefined
    : reading.kind === 'invalid'
      ? numberAdvice(schema as Node, reading.hint)
      : reading.kind === 'number' && reading.reread
        ? t('numberHintGrouped', showDanishNumber(reading.value))
        : undefined;
  const hintId = `${id}__hint`;
  return (
    <>
      <label htmlFor={id} className="control-label">
        {label}
        {required && <span className="required">*</span>}
      </label>
      {schema.description && (
        <p id={`${id}__description`} className="field-description">
          {schema.description}
        </p>
      )}
      <input
        id={id}
        name={fieldPathId.name ?? id}
        type="text"
        inputMode={schema.type === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        className="form-control"
        value={text}
        readOnly={readonly}
        disabled={disabled}
        onChange={change}
        onBlur={(e) => onBlur(id, e.target.value)}
        onFocus={(e) => onFocus(id, e.target.value)}
        aria-describedby={[ariaDescribedByIds(id), hint ? hintId : ''].filter(Boolean).join(' ')}
      />
      {hint && (
        <p id={hintId} className={reading.kind === 'invalid' ? 'field-hint field-hint-warning' : 'field-hint'}>
          {hint}
        </p>
      )}
    </>
  );
}

export const customFields: RegistryFieldsType = { danishNumber: DanishNumberField };

/** The schema of the list that holds the item at `path`, and the item itself. */
function itemContext(rootSchema: Node, formData: JsonObject, path: (string | number)[]): { list?: Node; item: unknown } {
  let node: Node | undefined = rootSchema;
  for (const seg of path.slice(0, -1)) {
    if (!node) break;
    node = node['type'] === 'array' ? (node['items'] as Node | undefined) : (node['properties'] as Record<string, Node> | undefined)?.[String(seg)];
  }
  return { ...(node ? { list: node } : {}), item: valueAt(formData, pointerOf(...path)) };
}

/** One list item: a heading with its number and name, then its fields, then worded buttons. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, className, buttonsProps, hasToolbar, registry, index } = props;
  const context = (registry.formContext ?? { formData: {} }) as FormContext;
  const { list, item } = itemContext(registry.rootSchema as Node, context.formData, buttonsProps.fieldPathId.path);
  const title = list ? itemTitle(list, item, index) : `${t('itemFallback')} ${index + 1}`;
  const depth = buttonsProps.fieldPathId.path.filter((seg) => typeof seg === 'number').length - 1;
  const Heading = `h${Math.min((context.itemHeadingLevel ?? 3) + depth, 6)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  const { disabled, readonly, hasMoveDown, hasMoveUp, hasRemove, onMoveDownItem, onMoveUpItem, onRemoveItem } = buttonsProps;
  const off = disabled || readonly;
  const itemId = buttonsProps.fieldPathId.$id;
  const headingId = `${itemId}__title`;
  // After a move the item stands at another index, under other ids: follow it with the focus.
  const listId = itemId.replace(/_\d+$/, '');
  const follow = (to: number, prefer: 'up' | 'down') =>
    setTimeout(() => {
      const first = document.getElementById(`${listId}_${to}__${prefer}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${listId}_${to}__${prefer === 'up' ? 'down' : 'up'}`) as HTMLButtonElement | null;
      (first && !first.disabled ? first : other)?.focus();
    }, 30);
  return (
    <section className={`${className} list-item`} aria-labelledby={headingId}>
      <Heading id={headingId} className="list-item-title">
        {title}
      </Heading>
      <div className="list-item-body">{children}</div>
      {hasToolbar && !readonly && (
        <div className="list-item-tools">
          {(hasMoveUp || hasMoveDown) && (
            <>
              <button
                type="button"
                id={`${itemId}__up`}
                className="btn btn-secondary btn-small"
                disabled={off || !hasMoveUp}
                onClick={(e) => {
                  onMoveUpItem(e);
                  follow(index - 1, 'up');
                }}
                aria-label={t('itemMoveUpOf', title)}
              >
                {t('itemMoveUp')}
              </button>
              <button
                type="button"
                id={`${itemId}__down`}
                className="btn btn-secondary btn-small"
                disabled={off || !hasMoveDown}
                onClick={(e) => {
                  onMoveDownItem(e);
                  follow(index + 1, 'down');
                }}
                aria-label={t('itemMoveDownOf', title)}
              >
                {t('itemMoveDown')}
              </button>
            </>
          )}
          {hasRemove && (
            <button type="button" className="btn btn-danger btn-small" disabled={off} onClick={onRemoveItem} aria-label={t('itemRemoveOf', title)}>
              {t('itemRemove')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** "Tilføj initiativ": the add button names what it adds. */
export function AddButton(props: IconButtonProps) {
  const { uiSchema, registry: _registry, iconType: _iconType, icon: _icon, className, ...rest } = props;
  const label = String(getUiOptions(uiSchema)['addLabel'] ?? t('addItem', t('itemFallback').toLocaleLowerCase('da')));
  return (
    <button
      type="button"
      {...rest}
      className={`btn btn-secondary ${className ?? ''}`}
      onClick={(e) => {
        // The new item's first field takes focus, where the person goes on typing.
        const list = e.currentTarget.closest('fieldset');
        rest.onClick?.(e);
        setTimeout(() => {
          const items = list?.querySelectorAll<HTMLElement>(':scope > .array-item-list > .list-item');
          items?.[items.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
        }, 30);
      }}
    >
      + {label}
    </button>
  );
}
