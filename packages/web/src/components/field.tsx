import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  /** The server's or the form's message for this field, shown right under it. */
  error?: string | undefined;
  hint?: string | undefined;
  /** e.g. "12/20"; turns red when `over`. */
  counter?: string | undefined;
  over?: boolean | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode;
}

/** A labelled form control with its hint, counter and error. */
export function Field({ label, error, hint, counter, over, children }: FieldProps) {
  const id = useId();
  const describedBy = `${id}-desc`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <div className="field-head">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {counter && <span className={over ? 'field-counter over' : 'field-counter'}>{counter}</span>}
      </div>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      <div id={describedBy} className="field-desc">
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : (
          hint && <span className="field-hint">{hint}</span>
        )}
      </div>
    </div>
  );
}

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'children' | 'id' | 'aria-invalid' | 'aria-describedby'
>;

interface TextFieldProps extends Omit<FieldProps, 'children'>, InputAttributes {
  value: string;
  /** Gets the new text rather than the event: every form only stores it. */
  onChange: (value: string) => void;
}

/** The common `Field`: one text input, with any other attributes passed to the input. */
export function TextField({ label, error, hint, counter, over, onChange, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} counter={counter} over={over}>
      {(props) => <input {...props} {...input} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/** A password input; `fresh` for a new one, so password managers offer to make it up. */
export function PasswordField({
  fresh = false,
  ...field
}: Omit<TextFieldProps, 'type' | 'autoComplete'> & { fresh?: boolean }) {
  return <TextField {...field} type="password" autoComplete={fresh ? 'new-password' : 'current-password'} />;
}

/** A form-wide message (not tied to one field). */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

interface FormFooterProps {
  /** The form-wide message, shown above the button. */
  error: string | null;
  submitLabel: string;
  disabled: boolean;
  /** `btn btn-primary` unless the action ends or removes something. */
  buttonClass?: string;
  /** Shown before the button, e.g. "Saved". */
  status?: ReactNode;
}

/** The end of a form: its form-wide error, then the submit button (with a status beside it). */
export function FormFooter({
  error,
  submitLabel,
  disabled,
  buttonClass = 'btn btn-primary',
  status,
}: FormFooterProps) {
  return (
    <>
      <FormError message={error} />
      <div className="form-actions">
        {status}
        <button type="submit" className={buttonClass} disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
