// The pieces of a report page that both the reporter and SST see: the schema-rendered form,
// the error summary with links to the fields. The revision history is in revisions.tsx.
import { useEffect, useRef, useState } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { t } from '../i18n.ts';
import { translateRjsf } from '../rjsf-i18n.ts';
import { fieldId, labelOf, rjsfValidator, toErrorSchema, uiSchemaFor, type RJSFSchema } from '../schema-form.ts';
import type { FieldError, JsonObject } from '../types.ts';
import { AddButton, ArrayFieldItemTemplate, customFields, type FormContext } from './form-templates.tsx';

const templates = { ArrayFieldItemTemplate, ButtonTemplates: { AddButton } };

export function ReportForm(props: {
  schema: JsonObject;
  formData: JsonObject;
  errors?: FieldError[];
  readonly?: boolean;
  /** Field ids start with this (default `root`); a second form on the page needs its own. */
  idPrefix?: string;
  /** The level of a list item's heading: one under the heading the form stands under (default 3). */
  itemHeadingLevel?: 2 | 3;
  onChange?: (data: JsonObject) => void;
  onBlur?: () => void;
}) {
  const { schema } = props;
  const [uiSchema] = useState(() => uiSchemaFor(schema));
  // The schema's own title and description are shown by the page; rjsf renders the sections.
  const [shown] = useState(() => ({ ...schema, title: undefined, description: undefined }) as RJSFSchema);
  const box = useRef<HTMLDivElement>(null);
  const errors = props.errors ?? [];
  // rjsf's default theme does not mark invalid fields for assistive technology: mark each field
  // with an error as invalid and tie it to its message (rjsf gives the message the id `<id>__error`).
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    for (const el of root.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const { pointer } of errors) {
      const el = document.getElementById(fieldId(pointer));
      if (!el || !root.contains(el) || !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) continue;
      el.setAttribute('aria-invalid', 'true');
      const described = new Set((el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
      described.add(`${el.id}__error`);
      el.setAttribute('aria-describedby', [...described].join(' '));
    }
  });
  const context: FormContext = { formData: props.formData, itemHeadingLevel: props.itemHeadingLevel };
  return (
    <div ref={box}>
    <Form
      schema={shown}
      uiSchema={uiSchema}
      formData={props.formData}
      validator={rjsfValidator}
      noValidate
      // Never pre-fill a choice: a select must start empty until the reporter picks an answer.
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never', emptyObjectFields: 'skipDefaults' }}
      noHtml5Validate
      showErrorList={false}
      extraErrors={toErrorSchema(errors)}
      readonly={props.readonly ?? false}
      idPrefix={props.idPrefix ?? 'root'}
      translateString={translateRjsf}
      onChange={(e: IChangeEvent) => props.onChange?.(e.formData as JsonObject)}
      onBlur={() => props.onBlur?.()}
      onSubmit={() => undefined}
      fields={customFields}
      templates={templates}
      formContext={context}
    >
      <></>
    </Form>
    </div>
  );
}

/** Moves focus to the field at `pointer` (or the first input inside a section). */
export function focusField(pointer: string): void {
  const id = fieldId(pointer);
  const el = document.getElementById(id);
  const target = el && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName) ? el : el?.querySelector<HTMLElement>('input, select, textarea');
  (target ?? el)?.focus();
  (target ?? el)?.scrollIntoView({ block: 'center' });
}

/**
 * The list of what is wrong, at the top of the form. It is announced (role="alert"), takes
 * focus, and each entry links to its field.
 */
export function ErrorSummary({ schema, errors, title }: { schema: JsonObject; errors: FieldError[]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length;
  useEffect(() => {
    ref.current?.focus();
  }, [title]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.pointer}|${e.message}`}>
            <a
              href={`#${fieldId(e.pointer)}`}
              onClick={(ev) => {
                ev.preventDefault();
                focusField(e.pointer);
              }}
            >
              {labelOf(schema, e.pointer)}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const errorCount = (n: number): string => (n === 1 ? t('errorCountOne') : t('errorCountMany', n));
