// Hosts that must never be reported as look-alikes: the protected providers'
// own sign-in hosts, their CDNs, and popular or ordinary-word domains that sit
// close to a brand label. Grown from false positives seen while tuning.
export const LEGITIMATE_SIGN_IN_HOSTS = [
  'login.microsoftonline.com', 'login.live.com', 'account.live.com', 'outlook.live.com',
  'outlook.office.com', 'outlook.office365.com', 'www.office.com', 'contoso.sharepoint.com',
  'contoso.onmicrosoft.com', 'account.microsoft.com', 'mail.google.com', 'accounts.google.com',
  'myaccount.google.com', 'www.gmail.com', 'login.yahoo.com', 'mail.yahoo.co.jp', 'appleid.apple.com',
  'www.icloud.com', 'account.proton.me', 'mail.proton.me', 'nid.naver.com', 'www.naver.com',
  'mail.daum.net', 'accounts.kakao.com', 'logins.daum.net', 'passport.yandex.ru', 'e.mail.ru',
  'mail.aol.com', 'accounts.zoho.com', 'www.gmx.net', 'www.dropbox.com', 'account.docusign.com',
  'www.paypal.com', 'login.okta.com', 'www.facebook.com', 'www.linkedin.com', 'github.com',
];

export const OWNED_INFRASTRUCTURE = [
  'fonts.googleapis.com', 'www.gstatic.com', 'lh3.googleusercontent.com', 'www.google-analytics.com',
  'www.youtube.com', 'i.ytimg.com', 'aadcdn.msauth.net', 'logincdn.msftauth.net', 'res.cdn.office.net',
  'ssl.pstatic.net', 't1.daumcdn.net', 'yastatic.net', 's.yimg.com', 'www.paypalobjects.com',
  'static.xx.fbcdn.net', 'avatars.githubusercontent.com', 'google.de', 'google.co.uk', 'yahoo.fr',
  'apple.com.cn', 'microsoft.github.io', 'google.github.io',
];

// `amazon-rainforest.org` left this list on purpose: `amazon` as a bare token
// now counts (`bezos-amazon.top`, `ecommrce-web-amazon.netlify.app` in the
// eval's dev part), at the price of that kind of name.
export const UNRELATED = [
  'olive.com', 'alive.net', 'delivery.com', 'livejournal.com', 'deliveroo.co.uk', 'olivegarden.com',
  'email.com', 'never.com', 'saver.com', 'cloud.com', 'apply.com', 'ample.com', 'applebees.com',
  'pineapple.com', 'offices.com', 'officedepot.com', 'weather-outlook.com', 'economic-outlook.org',
  'outlookindia.com', 'protonvpn.org', 'proton-therapy.org', 'mailchimp.com', 'hotels.com',
  'bing.example.org', 'windows-and-doors.com', 'github-readme-stats.vercel.app',
  'gitlab.com', 'wikipedia.org', 'example.com', 'yahtzee.com', 'navercom.example', 'kakaku.com',
  'googleplex.example', 'mastodon.social', 'msnbc.com', 'daumen.de', 'lives.com',
  'live.bbc.co.uk', 'live.example.org', 'office.example.org', 'zohar.org', 'gmx-fans.example',
  'stackoverflow.com', 'reddit.com', 'twitter.com', 'x.com', 'netflix.com', 'adobe.com',
  'salesforce.com', 'slack.com', 'zoom.us', 'atlassian.net', 'bankofamerica.com', 'chase.com',
  'wellsfargo.com', 'nytimes.com', 'bbc.co.uk', 'coupang.com', 'tistory.com',
  'microsite.example', 'pay.pal.example',
];
