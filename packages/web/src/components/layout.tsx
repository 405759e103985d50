import { Outlet } from 'react-router';
import { Header } from './header.tsx';
import { SeedingBanner } from './seeding-banner.tsx';
import { TabBar } from './tab-bar.tsx';

/** Every page: top bar, content, and the bottom tab bar that CSS shows on phones only. */
export function Layout() {
  return (
    <div className="app">
      <Header />
      <main className="content">
        <SeedingBanner />
        <Outlet />
      </main>
      <TabBar />
    </div>
  );
}
