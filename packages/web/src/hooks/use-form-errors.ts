import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useErrorText } from './use-error-text.ts';

/**
 * Holds a form's server errors: per-field messages from the problem's `errors`, and one
 * form-level sentence for everything else.
 */
export function useFormErrors() {
  const errorText = useErrorText();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [form, setForm] = useState<string | null>(null);
  return {
    fields,
    form,
    clear() {
      setFields({});
      setForm(null);
    },
    set(field: string, message: string) {
      setFields((prev) => ({ ...prev, [field]: message }));
    },
    fromError(error: unknown) {
      const byField = error instanceof ApiError ? error.fieldErrors() : {};
      setFields(byField);
      setForm(errorText(error));
    },
  };
}
