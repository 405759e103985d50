import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { fieldMessage } from '../lib/problem-text.ts';
import { useErrorText } from './use-error-text.ts';

/**
 * Holds a form's server errors: per-field messages from the problem's `errors` (each said from
 * its code in the reader's language), and one form-level sentence for everything else.
 */
export function useFormErrors() {
  const errorText = useErrorText();
  const { t } = useTranslation();
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
      const issues = error instanceof ApiError ? error.fieldIssues() : {};
      setFields(
        Object.fromEntries(Object.entries(issues).map(([key, issue]) => [key, fieldMessage(t, issue)])),
      );
      setForm(errorText(error));
    },
  };
}
