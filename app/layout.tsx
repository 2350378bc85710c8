// The real root layout is app/[locale]/layout.tsx, which knows the language for <html lang>.
// This file exists so that app/not-found.tsx (paths outside any locale) has a parent.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
