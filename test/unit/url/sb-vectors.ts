// Test vectors of the Safe Browsing v4 "URLs and hashing" document
// (https://developers.google.com/safe-browsing/v4/urls-hashing#canonicalization),
// all 33 of them, plus the rows of google/safebrowsing urls_test.go
// TestCanonicalURL (commit bbf0d20) that agree with the document.

/** [input, canonical] from the document, in its order. */
export const DOCUMENT_VECTORS: readonly (readonly [string, string])[] = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  ['http://\x01\x80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
];

/** Rows of Google's Go client consistent with the document (it drops queries; those rows are left out). */
export const GO_CLIENT_VECTORS: readonly (readonly [string, string])[] = [
  ['ftp://ftp.myfiles.com/', 'ftp://ftp.myfiles.com/'],
  ['http://www.ümlat.com/', 'http://www.xn--mlat-zra.com/'],
  ['http://[2001:470:1:18::114]/', 'http://[2001:470:1:18::114]/'],
  ['http%3A%2F%2Fwackyurl.com:80/', 'http://wackyurl.com/'],
  ['http://W!eird<>Ho$^.com/', 'http://w!eird<>ho$^.com/'],
  ['http://i.have.way.too.many.dots.com/', 'http://i.have.way.too.many.dots.com/'],
  ['ftp://host.com?q', 'ftp://host.com/?q'],
];

/** Inputs with no host (the Go client's failure rows): no canonical form. */
export const NO_HOST_INPUTS: readonly string[] = [
  '',
  ':',
  '/blah',
  '#ref',
  '/blah#ref',
  '?query#ref',
  '/blah?query#ref',
  '/blah;param',
  'http://#ref',
  'http:///blah#ref',
  'http://?query#ref',
  'http:///blah?query#ref',
  'http:///blah;param',
  'http:///blah;param?query#ref',
  'mailto:bryner@google.com',
];

/** IPv4 spellings (Go client TestParseIPAddress, the rows inet_aton and WHATWG agree on). */
export const IPV4_VECTORS: readonly (readonly [string, string])[] = [
  ['255.0.0.1', '255.0.0.1'],
  ['12.0x12.01234', '12.18.2.156'],
  ['012.034.01.055', '10.28.1.45'],
  ['0x12.0x43.0x44.0x01', '18.67.68.1'],
  ['167838211', '10.1.2.3'],
  ['3279880203', '195.127.0.11'],
  ['4294967295', '255.255.255.255'],
  ['0x7f.1', '127.0.0.1'],
  ['127.1', '127.0.0.1'],
];
