import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useFormErrors } from './use-form-errors.ts';

interface FormMutationOptions<TData, TVariables> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  onSuccess?: (data: TData) => unknown;
}

/**
 * A form that sends to the server: the mutation, the errors it came back with (beside each
 * field and form-wide), and the handler for the form's `onSubmit`.
 */
export function useFormMutation<TData, TVariables = void>({
  mutationFn,
  onSuccess,
}: FormMutationOptions<TData, TVariables>) {
  const errors = useFormErrors();
  const mutation = useMutation({ mutationFn, onSuccess, onError: errors.fromError });
  /**
   * An `onSubmit` that runs `send` in place of the browser's page load, after dropping the last
   * attempt's errors so a field the reader has fixed does not stay red.
   */
  const submitWith = (send: () => void) => (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    send();
  };
  return { errors, mutation, submitWith };
}
