import { NavLink } from 'react-router';

export interface TabLink {
  to: string;
  label: string;
  end?: boolean;
}

/** Underlined section tabs that are links, so each tab has its own URL. */
export function Tabs({ tabs, label }: { tabs: TabLink[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end ?? true} className="tab">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
