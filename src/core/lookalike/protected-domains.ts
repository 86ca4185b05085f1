// The bundled brands whose look-alikes we warn about: the big webmail and
// identity providers whose sign-in pages phishing kits copy. The data lives
// in brands.json (admins add to it through the `brandDomains` policy); each
// entry is one owner:
// - `imitated`: registrable domains where people type credentials; look-alikes
//   of these are reported, naming the imitated domain.
// - `owned`: other registrable domains of the same owner (CDNs, APIs, mail
//   senders). They never warn and are never imitation targets:
//   `googleapis.com` must not read as "google embedded in another domain".
// - `words`: labels that are ordinary words (`live` in `olive`, `outlook` in
//   `weather-outlook`): no typos, no glued compounds; as a token only next to
//   a sign-in word (`apple-id-verify`), or the whole domain spelled out.
// - `generic`: words so common (`mail`, `web`, `me`) that only the whole
//   domain spelled out counts (`mail.ru.evil.net`, not `secure-mail.ru`);
//   also the ordinary words the brand's names are built on (`cloud` in
//   icloud): such names are matched more strictly (protected-index.ts).
// - `plainTokens`: distinctive names also used as a plain token by unrelated
//   sites (`github-readme-stats`, `amazon-rainforest`): typos and glued
//   compounds count, a bare token only next to a sign-in word.
// - `products`: the brand's product words (`ios`, `teams`, `nid`): next to
//   one, a plain or word brand reads as the brand (`ios-icloud`,
//   `teams-live`), and with a lure word the product alone does (`nid-login`).
// - `shortNames`: labels under 5 letters that are no word (`1drv`, OneDrive's
//   share links): distinctive despite their length.
// - `national: false`: the owner runs no national sites, so its label under an
//   ending it does not own is an imitation even under a country's ending
//   (`naver.co.in`), and so is its whole domain with a country after it
//   (`daum.net.pl`, `naver.com.de`), word names included. Unset, big brands
//   are taken to hold their national names (`google.com.mx`).
// - `namePrefix`: the letter the brand puts before its product names (`i` for
//   Apple: iPhone, iCloud): put before one of its names, or standing just before
//   one, it names the brand (`iapple-id`, `i-icloud`: rule-name-prefix.ts).
// - `services`: the names of the brand's own sign-in and webmail services
//   (`outlook`, `hotmail`, `gmail`): no other site names a customer's space
//   after them, so one as a bare subdomain label of another site is an
//   imitation (`outlook.mailsession.com`), unlike the company's name
//   (`microsoft.eventionapp.com` is an event app's space for Microsoft).
//   Ordinary words (`live`, `office`) and names companies give their own
//   servers (`sharepoint.corp.example`) are left out.
// - `ownedEndings`: top-level domains the brand runs as their registry (brand
//   TLDs: Google's `.goog`, as in `translate.goog`): every name under them is
//   the brand's, so none warns.
// Deliberately NOT owned: user-content hosts where anyone can publish a page
// (azurewebsites.net, firebaseapp.com, blogspot.com, github.io, glitch.me).
import BRANDS from './brands.json' with { type: 'json' };

export interface ProtectedGroup {
  brand: string;
  imitated: readonly string[];
  owned?: readonly string[];
  ownedEndings?: readonly string[];
  words?: readonly string[];
  generic?: readonly string[];
  plainTokens?: readonly string[];
  products?: readonly string[];
  national?: boolean;
  shortNames?: readonly string[];
  namePrefix?: string;
  services?: readonly string[];
}

export const DEFAULT_PROTECTED: readonly ProtectedGroup[] = BRANDS;
