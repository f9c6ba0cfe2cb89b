// The chat's vocabulary: every word the parser gives a meaning to (see lexer.h).
// Words not listed here are WordClass::other.
#include <unordered_map>

#include "core/chat/lexer.h"

namespace likecast::chat {
namespace {

struct Entry {
  const char* word;
  WordInfo info;
};

WordInfo Field(ChatSlot slot, bool verb = false) {
  WordInfo info;
  info.word_class = WordClass::field;
  info.slot = slot;
  info.verb = verb;
  return info;
}

WordInfo Unused(const char* canonical) {
  WordInfo info;
  info.word_class = WordClass::unused_field;
  info.canonical = canonical;
  return info;
}

WordInfo Valued(WordClass word_class, double value, NumberUnit unit = NumberUnit::none) {
  WordInfo info;
  info.word_class = word_class;
  info.value = value;
  info.unit = unit;
  return info;
}

WordInfo Plain(WordClass word_class) { return Valued(word_class, 0); }

std::unordered_map<std::string_view, WordInfo> BuildLexicon() {
  using C = ChatSlot;
  using W = WordClass;
  using U = NumberUnit;
  const Entry entries[] = {
      // Inputs, by noun and by verb.
      {"view", Field(C::views)}, {"views", Field(C::views)}, {"viewed", Field(C::views, true)},
      {"viewers", Field(C::views)}, {"play", Field(C::views)}, {"plays", Field(C::views)},
      {"played", Field(C::views, true)}, {"watches", Field(C::views)}, {"watched", Field(C::views, true)},
      {"seen", Field(C::views, true)}, {"vues", Field(C::views)},
      {"share", Field(C::shares)}, {"shares", Field(C::shares)}, {"shared", Field(C::shares, true)},
      {"reposts", Field(C::shares)}, {"repost", Field(C::shares)}, {"reposted", Field(C::shares, true)},
      {"comment", Field(C::comments)}, {"comments", Field(C::comments)}, {"commented", Field(C::comments, true)},
      {"replies", Field(C::comments)},
      {"download", Field(C::downloads)}, {"downloads", Field(C::downloads)},
      {"downloaded", Field(C::downloads, true)}, {"dls", Field(C::downloads)},
      {"likes", Field(C::likes)}, {"liked", Field(C::likes, true)}, {"hearts", Field(C::likes)},
      {"duration", Plain(W::duration_field)}, {"length", Plain(W::duration_field)}, {"long", Plain(W::duration_field)},
      {"lasts", Plain(W::duration_field)}, {"runtime", Plain(W::duration_field)}, {"lasting", Plain(W::duration_field)},
      // Counts a creator may mention that the model does not use.
      {"followers", Unused("followers")}, {"follower", Unused("followers")}, {"following", Unused("following")},
      {"fans", Unused("followers")}, {"subscribers", Unused("followers")}, {"subs", Unused("followers")},
      {"saves", Unused("saves")}, {"save", Unused("saves")}, {"saved", Unused("saves")},
      {"favorites", Unused("saves")}, {"favourites", Unused("saves")}, {"favs", Unused("saves")},
      {"faves", Unused("saves")}, {"bookmarks", Unused("saves")}, {"bookmarked", Unused("saves")},
      {"hashtags", Unused("hashtags")}, {"hashtag", Unused("hashtags")}, {"tags", Unused("hashtags")},
      {"duets", Unused("duets")}, {"stitches", Unused("stitches")}, {"posts", Unused("posts")},
      {"videos", Unused("videos")}, {"friends", Unused("friends")}, {"visits", Unused("profile visits")},
      // Number words.
      {"zero", Valued(W::number_word, 0)}, {"one", Valued(W::number_word, 1)}, {"two", Valued(W::number_word, 2)},
      {"three", Valued(W::number_word, 3)}, {"four", Valued(W::number_word, 4)}, {"five", Valued(W::number_word, 5)},
      {"six", Valued(W::number_word, 6)}, {"seven", Valued(W::number_word, 7)}, {"eight", Valued(W::number_word, 8)},
      {"nine", Valued(W::number_word, 9)}, {"ten", Valued(W::number_word, 10)}, {"eleven", Valued(W::number_word, 11)},
      {"twelve", Valued(W::number_word, 12)}, {"thirteen", Valued(W::number_word, 13)},
      {"fourteen", Valued(W::number_word, 14)}, {"fifteen", Valued(W::number_word, 15)},
      {"sixteen", Valued(W::number_word, 16)}, {"seventeen", Valued(W::number_word, 17)},
      {"eighteen", Valued(W::number_word, 18)}, {"nineteen", Valued(W::number_word, 19)},
      {"twenty", Valued(W::number_word, 20)}, {"thirty", Valued(W::number_word, 30)},
      {"forty", Valued(W::number_word, 40)}, {"fourty", Valued(W::number_word, 40)},
      {"fifty", Valued(W::number_word, 50)}, {"sixty", Valued(W::number_word, 60)},
      {"seventy", Valued(W::number_word, 70)}, {"eighty", Valued(W::number_word, 80)},
      {"ninety", Valued(W::number_word, 90)}, {"hundred", Valued(W::number_word, 100)},
      {"hundreds", Valued(W::number_word, 100)}, {"dozen", Valued(W::number_word, 12)},
      // Scales after a number: "3.2 mil", "25 k", "ten thousand".
      {"k", Valued(W::scale, 1e3, U::thousand)}, {"thousand", Valued(W::scale, 1e3, U::thousand)},
      {"thousands", Valued(W::scale, 1e3, U::thousand)}, {"grand", Valued(W::scale, 1e3, U::thousand)},
      {"m", Valued(W::scale, 1e6, U::million_or_minutes)}, {"mil", Valued(W::scale, 1e6, U::million)},
      {"mill", Valued(W::scale, 1e6, U::million)}, {"mln", Valued(W::scale, 1e6, U::million)},
      {"mio", Valued(W::scale, 1e6, U::million)}, {"million", Valued(W::scale, 1e6, U::million)},
      {"millions", Valued(W::scale, 1e6, U::million)}, {"b", Valued(W::scale, 1e9, U::billion)},
      {"bn", Valued(W::scale, 1e9, U::billion)}, {"billion", Valued(W::scale, 1e9, U::billion)},
      {"billions", Valued(W::scale, 1e9, U::billion)},
      // Time units, in seconds.
      {"s", Valued(W::time_unit, 1, U::seconds)}, {"sec", Valued(W::time_unit, 1, U::seconds)},
      {"secs", Valued(W::time_unit, 1, U::seconds)}, {"second", Valued(W::time_unit, 1, U::seconds)},
      {"seconds", Valued(W::time_unit, 1, U::seconds)}, {"min", Valued(W::time_unit, 60, U::minutes)},
      {"mins", Valued(W::time_unit, 60, U::minutes)}, {"minute", Valued(W::time_unit, 60, U::minutes)},
      {"minutes", Valued(W::time_unit, 60, U::minutes)}, {"h", Valued(W::time_unit, 3600, U::hours)},
      {"hr", Valued(W::time_unit, 3600, U::hours)}, {"hrs", Valued(W::time_unit, 3600, U::hours)},
      {"hour", Valued(W::time_unit, 3600, U::hours)}, {"hours", Valued(W::time_unit, 3600, U::hours)},
      // Factors for what-if questions.
      {"double", Valued(W::factor, 2)}, {"doubled", Valued(W::factor, 2)}, {"doubling", Valued(W::factor, 2)},
      {"twice", Valued(W::factor, 2)}, {"triple", Valued(W::factor, 3)}, {"tripled", Valued(W::factor, 3)},
      {"tripling", Valued(W::factor, 3)}, {"thrice", Valued(W::factor, 3)}, {"treble", Valued(W::factor, 3)},
      {"quadruple", Valued(W::factor, 4)}, {"quadrupled", Valued(W::factor, 4)}, {"half", Valued(W::factor, 0.5)},
      {"halve", Valued(W::factor, 0.5)}, {"halved", Valued(W::factor, 0.5)}, {"halving", Valued(W::factor, 0.5)},
      // Directions of a relative change.
      {"more", Plain(W::more)}, {"extra", Plain(W::more)}, {"additional", Plain(W::more)},
      {"another", Plain(W::more)}, {"up", Plain(W::more)}, {"increase", Plain(W::more)},
      {"increased", Plain(W::more)}, {"raise", Plain(W::more)}, {"raised", Plain(W::more)},
      {"boost", Plain(W::more)}, {"boosted", Plain(W::more)}, {"higher", Plain(W::more)},
      {"add", Plain(W::more)}, {"added", Plain(W::more)}, {"longer", Plain(W::more)},
      {"gain", Plain(W::more)}, {"gained", Plain(W::more)}, {"grow", Plain(W::more)}, {"grew", Plain(W::more)},
      {"less", Plain(W::less)}, {"fewer", Plain(W::less)}, {"down", Plain(W::less)},
      {"decrease", Plain(W::less)}, {"decreased", Plain(W::less)}, {"drop", Plain(W::less)},
      {"dropped", Plain(W::less)}, {"lower", Plain(W::less)}, {"cut", Plain(W::less)},
      {"reduce", Plain(W::less)}, {"reduced", Plain(W::less)}, {"shorter", Plain(W::less)},
      {"lose", Plain(W::less)}, {"lost", Plain(W::less)},
      // Words that tie a field to the number after it.
      {"is", Plain(W::binder)}, {"are", Plain(W::binder)}, {"was", Plain(W::binder)}, {"were", Plain(W::binder)},
      {"r", Plain(W::binder)},   // texting for "are": "shares r 6k"
      {"be", Plain(W::binder)}, {"been", Plain(W::binder)}, {"of", Plain(W::binder)}, {"at", Plain(W::binder)},
      {"to", Plain(W::binder)}, {"now", Plain(W::binder)}, {"reached", Plain(W::binder)},
      {"hit", Plain(W::binder)}, {"totaled", Plain(W::binder)}, {"totalled", Plain(W::binder)},
      {"equals", Plain(W::binder)}, {"by", Plain(W::by)},
      // Approximations: the number is taken as given.
      {"about", Plain(W::approx)}, {"around", Plain(W::approx)}, {"approximately", Plain(W::approx)},
      {"approx", Plain(W::approx)}, {"roughly", Plain(W::approx)}, {"nearly", Plain(W::approx)},
      {"almost", Plain(W::approx)}, {"circa", Plain(W::approx)}, {"ca", Plain(W::approx)},
      {"over", Plain(W::approx)}, {"under", Plain(W::approx)}, {"some", Plain(W::approx)},
      {"close", Plain(W::approx)}, {"est", Plain(W::approx)}, {"estimated", Plain(W::approx)},
      {"~", Plain(W::approx)}, {"like", Plain(W::approx)}, {"maybe", Plain(W::approx)},
      {"ish", Plain(W::approx)}, {"least", Plain(W::approx)}, {"than", Plain(W::approx)},
      // Words that may stand between a number and its field.
      {"a", Plain(W::filler)}, {"an", Plain(W::filler)}, {"the", Plain(W::filler)}, {"my", Plain(W::filler)},
      {"our", Plain(W::filler)}, {"its", Plain(W::filler)}, {"his", Plain(W::filler)}, {"her", Plain(W::filler)},
      {"their", Plain(W::filler)}, {"only", Plain(W::filler)}, {"just", Plain(W::filler)},
      {"total", Plain(W::filler)}, {"overall", Plain(W::filler)}, {"new", Plain(W::filler)},
      {"times", Plain(W::filler)}, {"people", Plain(W::filler)}, {"users", Plain(W::filler)},
      {"folks", Plain(W::filler)}, {"as", Plain(W::filler)}, {"many", Plain(W::filler)},
      {"much", Plain(W::filler)}, {"number", Plain(W::filler)}, {"amount", Plain(W::filler)},
      {"count", Plain(W::filler)}, {"got", Plain(W::filler)}, {"get", Plain(W::filler)},
      {"gets", Plain(W::filler)}, {"getting", Plain(W::filler)}, {"has", Plain(W::filler)},
      {"had", Plain(W::filler)}, {"have", Plain(W::filler)}, {"received", Plain(W::filler)},
      {"already", Plain(W::filler)}, {"currently", Plain(W::filler)}, {"so", Plain(W::filler)},
      {"far", Plain(W::filler)}, {"it", Plain(W::filler)}, {"it's", Plain(W::filler)}, {"its'", Plain(W::filler)},
      {"video", Plain(W::filler)}, {"vid", Plain(W::filler)}, {"clip", Plain(W::filler)},
      {"tiktok", Plain(W::filler)}, {"real", Plain(W::filler)}, {"actual", Plain(W::filler)},
      {"actually", Plain(W::filler)}, {"any", Plain(W::filler)}, {"all", Plain(W::filler)},
      {"went", Plain(W::filler)}, {"go", Plain(W::filler)}, {"goes", Plain(W::filler)},
      {"rose", Plain(W::filler)}, {"fell", Plain(W::filler)}, {"in", Plain(W::filler)},
      {"make", Plain(W::filler)}, {"made", Plain(W::filler)}, {"set", Plain(W::filler)},
      {"i", Plain(W::filler)}, {"i'd", Plain(W::filler)}, {"we", Plain(W::filler)},
      {"did", Plain(W::filler)}, {"unique", Plain(W::filler)},
      // Separators between the parts of a message.
      {"and", Plain(W::separator)}, {"but", Plain(W::separator)}, {"with", Plain(W::separator)},
      {"plus", Plain(W::separator)}, {"while", Plain(W::separator)}, {"also", Plain(W::separator)},
      {"then", Plain(W::separator)}, {"or", Plain(W::separator)}, {"vs", Plain(W::separator)},
      {"for", Plain(W::separator)}, {"if", Plain(W::separator)}, {"what", Plain(W::separator)},
      {"how", Plain(W::separator)}, {"from", Plain(W::separator)}, {"after", Plain(W::separator)},
      {"between", Plain(W::separator)},
      // Negations: "no downloads" is 0.
      {"no", Plain(W::negation)}, {"without", Plain(W::negation)}, {"none", Plain(W::negation)},
      {"nobody", Plain(W::negation)}, {"nil", Plain(W::negation)},
      {"percent", Plain(W::percent)}, {"pct", Plain(W::percent)},
  };
  std::unordered_map<std::string_view, WordInfo> lexicon;
  for (const Entry& entry : entries) lexicon.emplace(entry.word, entry.info);
  return lexicon;
}

}  // namespace

WordInfo LookupWord(std::string_view word) {
  static const std::unordered_map<std::string_view, WordInfo> lexicon = BuildLexicon();
  const auto it = lexicon.find(word);
  return it == lexicon.end() ? WordInfo{} : it->second;
}

}  // namespace likecast::chat
