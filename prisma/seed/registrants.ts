// Made-up attendees of the 2027 conference, on the reserved .test domain. Workshop keys refer to
// upcoming.ts: round 1 A (6 places, full, two on its waitlist), B (8, one place left), C (12); round 2
// D (12), E (8), F (6, one place left). null = no workshop chosen in that round.

export type WorkshopKey = "A" | "B" | "C" | "D" | "E" | "F";

export type Registrant = {
  name: string;
  email: string;
  organisation: string;
  jobRole: string;
  round1: WorkshopKey | null;
  round2: WorkshopKey | null;
  // "waitlisted": confirmed for the conference, on the waitlist of the round-1 workshop.
  state?: "waitlisted" | "cancelled";
  dietaryNeeds?: string;
  accessibilityNeeds?: string;
  hostNote?: string;
  photoConsent?: boolean;
  newsletterOptIn?: boolean;
};

export const REGISTRANTS: Registrant[] = [
  { name: "Anouk van der Meulen", email: "anouk.vandermeulen@voorbeeld.test", organisation: "Gemeente Dordrecht", jobRole: "Beleidsadviseur sociaal domein", round1: "A", round2: "D", photoConsent: true, newsletterOptIn: true },
  { name: "Daan Smits", email: "daan.smits@voorbeeld.test", organisation: "Welzijnsorganisatie De Schakel", jobRole: "Opbouwwerker", round1: "A", round2: "E", dietaryNeeds: "Vegetarisch", photoConsent: true },
  { name: "Noor El Amrani", email: "noor.elamrani@voorbeeld.test", organisation: "Gemeente Schiedam", jobRole: "Wijkcoach", round1: "B", round2: "D", dietaryNeeds: "Halal" },
  { name: "Sofie Brouwer", email: "sofie.brouwer@voorbeeld.test", organisation: "Hogeschool Rotterdam", jobRole: "Docent social work", round1: "A", round2: "F", photoConsent: true, newsletterOptIn: true },
  { name: "Chloë de Graaf", email: "chloe.degraaf@voorbeeld.test", organisation: "Stichting Buurtkracht", jobRole: "Sociaal werker", round1: "C", round2: "D", dietaryNeeds: "Glutenvrij" },
  { name: "Bram Hoekstra", email: "Bram.Hoekstra@Voorbeeld.test", organisation: "Gemeente Gorinchem", jobRole: "Teamleider wijkteam", round1: "A", round2: "E" },
  { name: "Emine Yılmaz", email: "emine.yilmaz@voorbeeld.test", organisation: "Welzijn Zwijndrecht", jobRole: "Ouderenadviseur", round1: "B", round2: "F", accessibilityNeeds: "Slechthorend: ik gebruik de ringleiding.", photoConsent: true },
  { name: "José Martens", email: "jose.martens@voorbeeld.test", organisation: "Hogeschool Inholland", jobRole: "Onderzoeker", round1: "A", round2: "D", newsletterOptIn: true },
  { name: "Lotte Vermeulen", email: "lotte.vermeulen@voorbeeld.test", organisation: "Gemeente Alblasserdam", jobRole: "Beleidsmedewerker jeugd", round1: "B", round2: "E", dietaryNeeds: "Veganistisch" },
  { name: "Youssef Amrani", email: "youssef.amrani@voorbeeld.test", organisation: "Jongerenwerk Schiedam-Noord", jobRole: "Jongerenwerker", round1: "A", round2: "D", photoConsent: true },
  { name: "Marieke Kuipers", email: "marieke.kuipers@voorbeeld.test", organisation: "GGD Zuid-Holland Zuid", jobRole: "Sociaal verpleegkundige", round1: "C", round2: "F" },
  { name: "Sem de Jong", email: "sem.dejong@voorbeeld.test", organisation: "Hogeschool Rotterdam", jobRole: "Student social work", round1: "B", round2: "D", dietaryNeeds: "Notenallergie", photoConsent: true },
  { name: "Inge Dekker", email: "inge.dekker@voorbeeld.test", organisation: "Gemeente Hendrik-Ido-Ambacht", jobRole: "Consulent Wmo", round1: "C", round2: "E", accessibilityNeeds: "Ik kom met een rolstoel; graag een plek aan het gangpad.", hostNote: "Rolstoelgebruiker: plek aan het gangpad in de Grote zaal is gereserveerd." },
  { name: "Kees Mulder", email: "kees.mulder@voorbeeld.test", organisation: "Cliëntenraad Sociaal Domein", jobRole: "Ervaringsdeskundige", round1: "A", round2: "F", state: "waitlisted", newsletterOptIn: true },
  { name: "Sanne Visser", email: "sanne.visser@voorbeeld.test", organisation: "Welzijnsorganisatie De Schakel", jobRole: "Buurtwerker", round1: "B", round2: "D" },
  { name: "Thijs Willems", email: "thijs.willems@voorbeeld.test", organisation: "Gemeente Dordrecht", jobRole: "Wijkregisseur", round1: "C", round2: "E", photoConsent: true },
  { name: "Priya Ramdin", email: "priya.ramdin@voorbeeld.test", organisation: "Vluchtelingenwerk regio Rijnmond", jobRole: "Maatschappelijk begeleider", round1: "B", round2: "D", dietaryNeeds: "Vegetarisch, geen ei" },
  { name: "Ilse Bakker", email: "ilse.bakker@voorbeeld.test", organisation: "Stichting Mantelzorg Drechtsteden", jobRole: "Mantelzorgconsulent", round1: "C", round2: null },
  { name: "Fatima Bouzid", email: "fatima.bouzid@voorbeeld.test", organisation: "Gemeente Schiedam", jobRole: "Beleidsadviseur armoede", round1: "A", round2: "D", state: "waitlisted", photoConsent: true },
  { name: "Mark Schouten", email: "mark.schouten@voorbeeld.test", organisation: "Hogeschool Inholland", jobRole: "Lector-assistent", round1: "B", round2: "F", accessibilityNeeds: "Blindengeleidehond komt mee." },
  { name: "Eva Hendriks", email: "eva.hendriks@voorbeeld.test", organisation: "Welzijn Zwijndrecht", jobRole: "Coördinator vrijwilligers", round1: "C", round2: "D" },
  { name: "Hanneke Post", email: "hanneke.post@voorbeeld.test", organisation: "Gemeente Papendrecht", jobRole: "Teamleider sociaal team", round1: null, round2: "E", newsletterOptIn: true },
  { name: "Ayşe Kaya", email: "ayse.kaya@voorbeeld.test", organisation: "Buurthuis De Ontmoeting", jobRole: "Vrijwilliger", round1: "C", round2: null, dietaryNeeds: "Halal" },
  { name: "Ruud Verbeek", email: "ruud.verbeek@voorbeeld.test", organisation: "Gemeente Sliedrecht", jobRole: "Beleidsmedewerker Wmo", round1: null, round2: null },
  { name: "René van Dijk", email: "rene.vandijk@voorbeeld.test", organisation: "Stichting Buurtkracht", jobRole: "Opbouwwerker", round1: null, round2: null, state: "cancelled" },
];
