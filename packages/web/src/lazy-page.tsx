import { type ComponentType, lazy, type ReactElement, Suspense } from 'react';
import { Loading } from './components/states.tsx';

/**
 * A page whose code is fetched the first time a reader opens it (React.lazy), with a spinner
 * meanwhile: only the feed ships in the first download, everything else follows on demand.
 */
export function lazyPage(load: () => Promise<ComponentType>): ReactElement {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
