// Passwords common among Japanese-speaking customers that zxcvbn's dictionaries (built
// mostly from English-language leaks) lack or rank low: romanised words and greetings,
// characters and names popular in Japan, and digit patterns. zxcvbn already holds ~49,000
// common passwords (language-common); this list adds to it, it doesn't repeat it. Extend it
// with words of the incident's own context (the shop's name, its products) as they come up.
export const BUNDLED_COMMON_PASSWORDS: readonly string[] = [
  "nihon", "nihonjin", "nippon", "aikotoba", "himitsu", "daisuki", "aishiteru", "arigatou",
  "arigato", "konnichiwa", "ohayou", "ohayo", "sayounara", "oyasumi", "ganbare", "ganbatte",
  "kawaii", "sugoi", "yoroshiku", "tanoshii", "genki", "hajimemashite", "ramen", "udon",
  "sushi", "onigiri", "sakurasaku", "sakuranbo", "fujisan", "hanabi", "momiji", "tanpopo",
  "anpanman", "doraemon", "nobita", "shizuka", "shinchan", "keroro", "kumamon", "rilakkuma",
  "jibanyan", "pokemongo", "pikachu", "luffy", "zoro", "kamenrider", "precure", "sailormoon",
  "totoro", "ghibli", "hydeout", "yoshiki", "arashi", "smap", "akb48", "nogizaka",
  "otaku", "chibi", "neko", "nekochan", "inu", "wanwan", "usagi", "kuma",
  "satou", "yamada", "tarou", "hanako", "yamadatarou", "taroyamada",
  "88888888", "00000000", "12341234", "123123123", "11223344", "19191919", "1qazxsw2", "qawsedrf",
  "asdfasdf", "zxcvzxcv", "nanana", "pasuwado", "pasuwaado",
];
