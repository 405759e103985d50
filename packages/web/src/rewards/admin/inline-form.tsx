import type { FormEvent, ReactNode } from 'react';
import { FormFooter } from '../../components/field.tsx';

/** What `useFormMutation` gives a form, as far as this form needs it. */
interface SendingForm {
  errors: { form: string | null };
  mutation: { isPending: boolean; mutate: () => void };
  submitWith: (send: () => void) => (event: FormEvent) => void;
}

interface InlineFormProps {
  title: string;
  submitLabel: string;
  /** `outline` for an action that undoes or ends something, beside a primary one. */
  tone?: 'primary' | 'outline';
  form: SendingForm;
  /** A form-wide message in place of the server's, e.g. when the fields already say what is wrong. */
  error?: string | null;
  testId?: string;
  children: ReactNode;
}

/** A small titled form inside a console card: its fields, the form-wide error, one button that sends. */
export function InlineForm({
  title,
  submitLabel,
  tone = 'primary',
  form,
  error = form.errors.form,
  testId,
  children,
}: InlineFormProps) {
  return (
    <form
      className="rewards-admin-inline"
      onSubmit={form.submitWith(() => form.mutation.mutate())}
      noValidate
      data-testid={testId}
    >
      <h4>{title}</h4>
      {children}
      <FormFooter
        error={error}
        submitLabel={submitLabel}
        disabled={form.mutation.isPending}
        buttonClass={`btn btn-${tone} btn-small`}
      />
    </form>
  );
}
