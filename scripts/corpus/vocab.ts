/**
 * Vocabulary of the synthetic minutes: invented people, the real bodies of Region Nordjylland's
 * sundhedsklynger, invented municipalities for the committee template, and case topics.
 */

export const FIRST_NAMES = [
  "Anne", "Birgit", "Bente", "Camilla", "Charlotte", "Dorte", "Eva", "Gitte", "Hanne", "Helle", "Inge", "Jette",
  "Karen", "Kirsten", "Lene", "Lisbeth", "Lone", "Maja", "Marianne", "Mette", "Nanna", "Pia", "Rikke", "Sofie",
  "Susanne", "Tina", "Trine", "Ulla", "Vibeke", "Louise", "Signe", "Ida", "Anders", "Bo", "Carsten", "Claus",
  "Daniel", "Erik", "Frank", "Henrik", "Jakob", "Jan", "Jens", "Jesper", "Kasper", "Lars", "Mads", "Martin",
  "Mikkel", "Morten", "Niels", "Ole", "Peter", "Poul", "Rasmus", "Søren", "Thomas", "Torben", "Uffe", "Kristian",
  "Steen", "Allan", "Bjarne", "Flemming", "Jonas", "Emil", "Malene", "Tove", "Annette", "Heidi",
];

export const MIDDLE_NAMES = ["Kjær", "Holm", "Lykke", "Bach", "Skov", "Brix", "Vang", "Juul", "Krogh", "Dahl", "Bak", "Lund", "Munk", "Riis", "Kirk", "Toft", "Berg", "Grøn"];

export const LAST_NAMES = [
  "Andersen", "Bech", "Christensen", "Dalsgaard", "Eriksen", "Frandsen", "Graversen", "Hansen", "Iversen", "Jensen",
  "Jørgensen", "Kristensen", "Larsen", "Madsen", "Mortensen", "Nielsen", "Olesen", "Pedersen", "Poulsen", "Rasmussen",
  "Sørensen", "Thomsen", "Vestergaard", "Winther", "Østergaard", "Aagaard", "Bødker", "Damgaard", "Fog", "Gregersen",
  "Hvidberg", "Kjeldsen", "Lauridsen", "Mølgaard", "Nørgaard", "Overgaard", "Reinholdt", "Schou", "Thorsen", "Vinding",
  "Ravnkilde", "Kragh", "Mølholm", "Fjeldsø", "Sloth", "Worup", "Donslund", "Bøgh", "Lorentzen", "Kaae", "Wulff",
  "Hedegaard", "Søndergaard", "Simonsen", "Brandt", "Tranberg", "Husted", "Engberg", "Lindholm", "Borup",
];

export type Cluster = "Nord" | "Midt" | "Syd";

export const CLUSTERS: Record<Cluster, { kommuner: string[]; hospital: string }> = {
  Nord: { kommuner: ["Hjørring Kommune", "Frederikshavn Kommune", "Brønderslev Kommune", "Læsø Kommune"], hospital: "Regionshospital Nordjylland" },
  Midt: { kommuner: ["Aalborg Kommune", "Jammerbugt Kommune"], hospital: "Aalborg Universitetshospital" },
  Syd: { kommuner: ["Rebild Kommune", "Vesthimmerlands Kommune", "Mariagerfjord Kommune"], hospital: "Aalborg Universitetshospital" },
};

export const REGION_ORGS = ["Region Nordjylland", "Psykiatrien", "PLO Nordjylland"];

export const DIRECTOR_TITLES = ["Direktør", "direktør", "Sundhedsdirektør", "Sygeplejefaglig direktør", "Vicedirektør", "Hospitalsdirektør"];
export const CHIEF_TITLES = ["Sundhedschef", "Ældrechef", "Forløbschef", "kontorchef", "Centerchef", "Klinikchef", "chef", "Afdelingschef", "Sundheds- og ældrechef"];
export const STAFF_TITLES = ["Konsulent", "Specialkonsulent", "Chefkonsulent", "Praksiskonsulent", "Afdelingssygeplejerske", "Projektleder", "Udviklingskonsulent"];

/** Invented municipalities for the committee template. */
export const TOWNS = ["Nørreå", "Kærby", "Hedeby", "Vestbjerg", "Søndersø", "Lindholt", "Bækkely", "Østerå", "Skovlunde", "Højmark"];
export const COMMITTEES = [
  "Social- og Sundhedsudvalget",
  "Ældre- og Sundhedsudvalget",
  "Sundheds- og Forebyggelsesudvalget",
  "Økonomiudvalget",
  "Sundheds- og Omsorgsudvalget",
  "Social- og Beskæftigelsesudvalget",
];
export const PARTIES = ["A", "V", "F", "C", "O", "B", "Ø", "K", "I"];

export const DRIFT_AREAS = ["Genoptræning", "Ældre og Demens", "Voksenpsykiatri", "Børn og Unge", "Akutområdet", "Medicin", "Kronisk Sygdom"];

/** A case topic: the words an item's title, background and sentences are made of. */
export interface Topic {
  /** Title core: "samarbejdsaftalen om indlæggelse og udskrivning". */
  subject: string;
  /** A definite noun phrase to talk about it: "indsatsen for borgere med KOL". */
  noun: string;
  /** A document about it: "udkastet til samarbejdsaftalen". */
  doc: string;
  /** Who it concerns: "ældre medicinske patienter". */
  group: string;
}

export const TOPICS: Topic[] = [
  { subject: "samarbejdsaftalen om indlæggelse og udskrivning", noun: "revisionen af samarbejdsaftalen", doc: "udkastet til den reviderede samarbejdsaftale", group: "ældre medicinske patienter" },
  { subject: "tværsektoriel audit på korte indlæggelser", noun: "opfølgningen på auditten", doc: "auditrapporten", group: "ældre borgere med korte indlæggelser" },
  { subject: "fælles indsats for borgere med KOL", noun: "indsatsen for borgere med KOL", doc: "projektbeskrivelsen", group: "borgere med KOL" },
  { subject: "dosisdispensering ved udskrivning", noun: "pilotprojektet om dosisdispensering", doc: "projektbeskrivelsen for pilotprojektet", group: "borgere med mange præparater" },
  { subject: "akutfunktionernes samarbejde med hospitalet", noun: "samarbejdet mellem akutfunktionerne og hospitalet", doc: "arbejdsgruppens anbefalinger", group: "borgere i akutte forløb" },
  { subject: "IPS til borgere med psykiske lidelser", noun: "implementeringen af IPS", doc: "kommissoriet for IPS-arbejdet", group: "borgere med psykiske lidelser" },
  { subject: "rekruttering af sygeplejersker", noun: "rekrutteringen af sygeplejersker", doc: "oplægget om fælles rekruttering", group: "nyuddannede sygeplejersker" },
  { subject: "handleplan for sundhedsaftalen", noun: "handleplanen for sundhedsaftalen", doc: "handleplanen", group: "borgere i tværsektorielle forløb" },
  { subject: "genoptræningsplaner og forsinket fremsendelse", noun: "fremsendelsen af genoptræningsplaner", doc: "notatet om genoptræningsplaner", group: "borgere med behov for genoptræning" },
  { subject: "demensvenlige afsnit på hospitalet", noun: "arbejdet med demensvenlige afsnit", doc: "statusnotatet om demensvenlige afsnit", group: "borgere med demens" },
  { subject: "forebyggelige indlæggelser", noun: "indsatsen mod forebyggelige indlæggelser", doc: "analysen af forebyggelige indlæggelser", group: "ældre over 75 år" },
  { subject: "sundhedshuse og nærhospitaler", noun: "planerne for sundhedshuse", doc: "oplægget om sundhedshuse", group: "borgere i yderområderne" },
  { subject: "fælles temadag om hverdagsrehabilitering", noun: "temadagen om hverdagsrehabilitering", doc: "programmet for temadagen", group: "terapeuter i kommunerne" },
  { subject: "medicinhåndtering på tværs af sektorer", noun: "den tværsektorielle medicinhåndtering", doc: "retningslinjen for medicinhåndtering", group: "borgere i hjemmeplejen" },
  { subject: "udskrivning af borgere med demens fredag eftermiddag", noun: "udskrivningerne fredag eftermiddag", doc: "opgørelsen over udskrivninger", group: "borgere med demens" },
  { subject: "børn og unges mentale sundhed", noun: "indsatsen for børn og unges mentale sundhed", doc: "kortlægningen af tilbud til børn og unge", group: "børn og unge i mistrivsel" },
  { subject: "overgangen fra børne- og ungepsykiatri til voksenpsykiatri", noun: "overgangen til voksenpsykiatrien", doc: "forløbsbeskrivelsen", group: "unge mellem 17 og 19 år" },
  { subject: "telemedicin til borgere med hjertesvigt", noun: "den telemedicinske løsning", doc: "evalueringen af telemedicin", group: "borgere med hjertesvigt" },
  { subject: "refeeding syndrom og underernæring", noun: "arbejdet med underernæring", doc: "vejledningen om underernæring", group: "underernærede ældre" },
  { subject: "plejehjemslæger", noun: "ordningen med plejehjemslæger", doc: "statusopgørelsen for plejehjemslæger", group: "beboere på plejecentre" },
  { subject: "72 timers behandlingsansvar", noun: "det udvidede behandlingsansvar", doc: "aftalen om behandlingsansvar", group: "nyligt udskrevne patienter" },
  { subject: "elektronisk kommunikation og MedCom-standarder", noun: "den elektroniske kommunikation", doc: "oversigten over MedCom-standarder", group: "personalet i begge sektorer" },
  { subject: "kompetenceudvikling på tværs af sektorer", noun: "den fælles kompetenceudvikling", doc: "oversigten over kurser", group: "medarbejdere i kommuner og på hospitalet" },
  { subject: "mødekalender for næste år", noun: "mødeplanen", doc: "forslaget til mødekalender", group: "medlemmerne" },
  { subject: "budgetopfølgning på ældreområdet", noun: "budgetopfølgningen", doc: "budgetopfølgningen", group: "borgere i hjemmeplejen" },
  { subject: "puljen til bedre bemanding i ældreplejen", noun: "udmøntningen af puljen", doc: "fordelingsnøglen for puljen", group: "medarbejdere i ældreplejen" },
  { subject: "tilsynsrapporter for plejecentrene", noun: "tilsynene på plejecentrene", doc: "tilsynsrapporterne", group: "beboere på plejecentre" },
  { subject: "ældrepolitik efter høring", noun: "ældrepolitikken", doc: "forslaget til ældrepolitik", group: "kommunens ældre" },
  { subject: "vederlagsfri fysioterapi", noun: "området for vederlagsfri fysioterapi", doc: "analysen af vederlagsfri fysioterapi", group: "borgere med varige funktionsnedsættelser" },
  { subject: "patientinddragelse i klyngens indsatser", noun: "inddragelsen af patienter og pårørende", doc: "inspirationskataloget om inddragelse", group: "patienter og pårørende" },
  { subject: "lighed i sundhed", noun: "arbejdet med lighed i sundhed", doc: "forslagene om lighed i sundhed", group: "socialt udsatte borgere" },
  { subject: "hjemmebehandling med intravenøs antibiotika", noun: "hjemmebehandlingen", doc: "samarbejdsmodellen for hjemmebehandling", group: "borgere i IV-behandling" },
  { subject: "sekretariatsbetjening af driftsforum", noun: "sekretariatsbetjeningen", doc: "forslaget om sekretariatsbetjening", group: "driftsforummets medlemmer" },
  { subject: "fælles akutpladser", noun: "belægningen på akutpladserne", doc: "opgørelsen af belægningen", group: "borgere på akutpladser" },
  { subject: "opsporing af tidlige tegn på sygdom", noun: "den tidlige opsporing", doc: "værktøjet til tidlig opsporing", group: "borgere i hjemmeplejen" },
  { subject: "seminar for styregruppen", noun: "planlægningen af seminaret", doc: "programmet for seminaret", group: "styregruppens medlemmer" },
];

export const TITLE_PREFIXES = ["Status på", "Opfølgning på", "Orientering om", "Drøftelse af", "Godkendelse af", "Evaluering af", "Forslag om", "Henvendelse vedr.", "Revision af", "Organisering af arbejdet med", ""];

export const PLACES = ["Hjørring", "Frederikshavn", "Aalborg", "Hobro", "Farsø", "Thisted", "Brønderslev", "Støvring", "Aars", "Aabybro", "Læsø", "Skagen"];
export const THINGS = ["genindlæggelser", "akutte indlæggelser", "udskrivninger", "henvisninger", "borgere på venteliste", "færdigbehandlingsdage", "visiterede timer", "ambulante besøg", "korrespondancemeddelelser", "forløbsplaner"];
export const PROFESSIONS = ["sygeplejersker", "social- og sundhedsassistenter", "fysioterapeuter", "ergoterapeuter", "praktiserende læger", "jordemødre"];
export const REPORTS = ["den seneste opgørelse", "analysen fra sidste år", "evalueringsrapporten", "notatet fra arbejdsgruppen", "den nationale opgørelse", "kortlægningen"];
export const OTHER_FORUMS = ["Strategisk Sundhedsforum", "Sundhedskoordinationsudvalget", "Fælles Forretningsudvalg", "Koordineringsgruppen", "Sundhedsstyrelsen"];
