/* Name folding for the search: a port of kzdata.names (fold_token, name_key). Both give the same keys for the
   same text (tests/test_site_fold.py runs them side by side on generated names). Works in a browser (window.kzFold)
   and in node (module.exports). */
(function (root) {
  "use strict";
  var CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
  var LAT = ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
    "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "a", "g", "k", "n", "o", "u",
    "u", "h", "i"];
  var MAP = {};
  for (var i = 0; i < CYR.length; i++) { MAP[CYR.charAt(i)] = LAT[i]; }
  var FOLDS = [["dzh", "j"], ["dj", "j"], ["zh", "j"], ["kh", "h"], ["ch", "c"], ["sh", "s"], ["ts", "c"],
    ["iy", "i"], ["yi", "i"], ["ye", "e"], ["yo", "o"], ["yu", "u"], ["ya", "a"], ["y", "i"],
    ["q", "k"], ["w", "v"], ["x", "ks"]];
  /* Python's \s on str (what kzdata.names.WORD_BREAK splits on), hyphen and en dash; not JavaScript's \s,
     which differs (U+001C-U+001F and U+0085 are space to Python, U+FEFF to JavaScript). */
  var WORD_BREAK = /[\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-\u2013]+/;

  function foldToken(token) {
    var out = "";
    for (var ch of token.toLowerCase()) {
      out += Object.prototype.hasOwnProperty.call(MAP, ch) ? MAP[ch] : ch;
    }
    out = out.normalize("NFKD");
    var kept = "";
    for (var j = 0; j < out.length; j++) {
      var c = out.charAt(j);
      if (c >= "a" && c <= "z") { kept += c; }
    }
    for (var k = 0; k < FOLDS.length; k++) { kept = kept.split(FOLDS[k][0]).join(FOLDS[k][1]); }
    return kept.replace(/(.)\1+/g, "$1");
  }

  function tokens(name) {
    var out = [];
    var parts = name.split(WORD_BREAK);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i]) {
        var t = foldToken(parts[i]);
        if (t) { out.push(t); }
      }
    }
    return out;
  }

  function nameKey(name) {
    return tokens(name).sort();
  }

  var api = { foldToken: foldToken, nameKey: nameKey, tokens: tokens };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; } else { root.kzFold = api; }
})(typeof window !== "undefined" ? window : this);
