// Lower case without accents, so "aaken" finds "Patricia van Aaken" and "creme" finds "Crème".
export function searchKey(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => Boolean(p))
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function slugify(input: string): string {
  return searchKey(input)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
