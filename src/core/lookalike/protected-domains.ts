// The bundled set of domains whose look-alikes we warn about: the big webmail
// and identity providers whose sign-in pages phishing kits copy. Each group is
// one owner:
// - `imitated`: registrable domains where people type credentials; look-alikes
//   of these are reported, naming the imitated domain.
// - `owned`: other registrable domains of the same owner (CDNs, APIs, short
//   links). They never warn and are never imitation targets: `googleapis.com`
//   must not read as "google embedded in another domain".
// - `words`: labels that are ordinary words or common in unrelated names
//   (`live` in `olive`, `outlook` in `weather-outlook`, `apple`, `office`).
//   They only match when the whole domain is embedded (`outlook.com.evil.net`),
//   never by edit distance or as a bare token.
// Deliberately NOT owned: user-content hosts where anyone can publish a page
// (azurewebsites.net, web.core.windows.net, firebaseapp.com, blogspot.com,
// github.io); the Public Suffix List private section makes each site there its
// own registrable domain, so `microsoft-login.azurewebsites.net` still warns.

export interface ProtectedGroup {
  owner: string;
  imitated: readonly string[];
  owned?: readonly string[];
  words?: readonly string[];
}

export const DEFAULT_PROTECTED: readonly ProtectedGroup[] = [
  {
    owner: 'Microsoft',
    imitated: [
      'microsoft.com', 'microsoftonline.com', 'live.com', 'outlook.com', 'office.com',
      'office365.com', 'hotmail.com', 'msn.com', 'sharepoint.com', 'onmicrosoft.com',
      'microsoft365.com', 'onedrive.com', 'skype.com', 'xbox.com',
    ],
    owned: [
      'microsoftonline-p.com', 'msauth.net', 'msftauth.net', 'msauthimages.net', 'live.net',
      'office.net', 'msecnd.net', 'azure.com', 'windowsazure.com', 'bing.com', 'msidentity.com',
      'windows.com', 'microsoftstore.com', 'sharepointonline.com',
      'passport.net', 'aka.ms', 'azureedge.net', 'msocdn.com', 'msedge.net',
    ],
    words: ['live', 'outlook', 'office', 'msn', 'xbox', 'bing', 'windows', 'azure'],
  },
  {
    owner: 'Google',
    imitated: ['google.com', 'gmail.com', 'googlemail.com'],
    owned: [
      // YouTube sign-in happens on accounts.google.com; `youtube` in other names is too common.
      'youtube.com',
      'googleapis.com', 'gstatic.com', 'googleusercontent.com', 'google-analytics.com',
      'googletagmanager.com', 'googlesyndication.com', 'googleadservices.com', 'doubleclick.net',
      'withgoogle.com', 'googlevideo.com', 'ytimg.com', 'youtu.be', 'ggpht.com', 'g.co', 'goo.gl',
      'android.com', 'chrome.com', 'blogger.com', 'googledrive.com', 'googlesource.com',
      'recaptcha.net', 'gvt1.com', 'gvt2.com', 'youtube-nocookie.com',
    ],
  },
  {
    owner: 'Yahoo',
    imitated: ['yahoo.com', 'yahoo.co.jp', 'ymail.com', 'aol.com', 'aim.com'],
    owned: ['yimg.com', 'yahoo.net', 'yahooapis.com', 'aolcdn.com'],
    words: ['aol', 'aim'],
  },
  {
    owner: 'Apple',
    imitated: ['apple.com', 'icloud.com', 'me.com', 'mac.com'],
    owned: ['icloud-content.com', 'apple-cloudkit.com', 'cdn-apple.com', 'mzstatic.com', 'itunes.com', 'apple.news'],
    words: ['apple', 'me', 'mac'],
  },
  {
    owner: 'Proton',
    imitated: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    owned: ['protonvpn.com', 'proton.ch'],
    words: ['proton', 'pm'],
  },
  {
    owner: 'Naver',
    imitated: ['naver.com'],
    owned: ['naver.net', 'pstatic.net', 'navercorp.com', 'naver.me'],
  },
  {
    owner: 'Kakao',
    imitated: ['daum.net', 'hanmail.net', 'kakao.com', 'kakaocorp.com'],
    owned: ['daumcdn.net', 'kakaocdn.net', 'kakao.co.kr', 'kakaopay.com', 'kakaobank.com'],
    words: ['daum'],
  },
  {
    owner: 'Yandex',
    imitated: ['yandex.ru', 'yandex.com', 'ya.ru'],
    owned: ['yandex.net', 'yastatic.net', 'yandex.by', 'yandex.kz', 'yandex.com.tr'],
    words: ['ya'],
  },
  {
    owner: 'VK (Mail.ru)',
    imitated: ['mail.ru'],
    owned: ['list.ru', 'bk.ru', 'inbox.ru', 'imgsmail.ru', 'vk.com'],
    words: ['mail'],
  },
  { owner: 'Zoho', imitated: ['zoho.com', 'zoho.eu'], owned: ['zohomail.com', 'zohocdn.com', 'zohostatic.com'], words: ['zoho'] },
  {
    owner: 'United Internet',
    imitated: ['gmx.net', 'gmx.de', 'gmx.com', 'web.de', 'mail.com'],
    owned: ['gmx.at', 'gmx.ch', 'uimserv.net'],
    words: ['gmx', 'web', 'mail'],
  },
  { owner: 'Dropbox', imitated: ['dropbox.com'], owned: ['dropboxusercontent.com', 'dropboxstatic.com', 'db.tt'] },
  { owner: 'DocuSign', imitated: ['docusign.com', 'docusign.net'] },
  { owner: 'PayPal', imitated: ['paypal.com'], owned: ['paypalobjects.com', 'paypal.me', 'paypal-community.com'] },
  { owner: 'Okta', imitated: ['okta.com'], owned: ['oktacdn.com', 'okta-emea.com', 'oktapreview.com'], words: ['okta'] },
  {
    owner: 'Meta',
    imitated: ['facebook.com', 'instagram.com'],
    owned: ['fb.com', 'fbcdn.net', 'messenger.com', 'cdninstagram.com', 'facebook.net', 'meta.com', 'whatsapp.com'],
    words: ['fb'],
  },
  { owner: 'LinkedIn', imitated: ['linkedin.com'], owned: ['licdn.com', 'lnkd.in'] },
  {
    owner: 'GitHub',
    imitated: ['github.com'],
    owned: ['githubusercontent.com', 'githubassets.com', 'ghcr.io'],
    // Many legitimate tools are named github-something (github-readme-stats ...).
    words: ['github'],
  },
  { owner: 'Amazon', imitated: ['amazon.com'], owned: ['media-amazon.com', 'ssl-images-amazon.com', 'amazon.dev'], words: ['amazon'] },
];
