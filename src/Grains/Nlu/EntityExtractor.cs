using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;
using Naviyam.Shops;

namespace Naviyam.Nlu;

/// <summary>
/// Pulls the spec's nine entity types out of one message with lexicons and a few patterns.
/// Only what the text says: nothing is inferred from the intent.
/// </summary>
public sealed partial class EntityExtractor(FoodLexicon foods, CueLexicon cues, PlaceGazetteer places, DietLexicon dietWords)
{
    private readonly TimePhraseFinder timePhrases = new(cues);

    // Dishes that look like place names (카츠동, 슬러시) are never a location.
    private readonly Func<string, bool> isFoodWord = name => foods.TryGet(name, out _);

    private static readonly string[] Particles = ["은", "는", "이", "가", "을", "를", "도", "만", "류", "종류", "같은거", "같은건", "같은", "는좀", "은좀", "좀"];

    // Adverbs that may stand between a food and its rejection: 오이 꼭 빼주세요, 치킨은 진짜 싫어.
    private static readonly string[] Adverbs = ["꼭", "좀", "제발", "전부", "싹", "진짜", "정말", "완전", "절대", "그냥", "이제", "요즘", "너무", "다"];

    // Between two foods turned down together: 양파랑 마늘 빼 주세요, 피자나 치킨 말고.
    private static readonly string[] Conjunctions = ["이랑", "랑", "하고", "와", "과", "이나", "나", ","];

    public Entities Extract(PreprocessedText text)
    {
        var compact = text.Compact;
        var diet = ExtractDiet(text);
        var wordStarts = FoodLexicon.WordStarts(text.Normalized);
        var mentions = foods.FindAll(text)
            .Where(m => !diet.Covers(m.Start, m.End) && !IsVerbNotFood(compact, wordStarts, m) && !IsPartOfOtherWords(wordStarts, m))
            .ToList();
        var exclusions = new List<string>();
        var wanted = new List<FoodMention>();
        var rejected = new List<FoodMention>();
        foreach (var mention in mentions)
        {
            if (IsRejectedAfter(compact, mention.End) || IsNegatedBefore(compact, mention.Start))
            {
                rejected.Add(mention);
            }
            else if (!IsReportedOrReplaced(compact, mention.End) || WantedAgain().IsMatch(compact))
            {
                wanted.Add(mention);
            }
        }
        foreach (var mention in rejected)
        {
            // "치맥 말고 치킨만": the compound is turned down for its other half while the food itself, said by its
            // own name, is wanted.
            if (mention.Surface != mention.Term.Name
                && wanted.Any(w => w.Term.Name == mention.Term.Name && w.Surface == w.Term.Name))
            {
                continue;
            }
            // 김치 빼주세요: a side or topping that is also a dish name is the ingredient, as said.
            AddOnce(exclusions, ingredients.Contains(mention.Surface) ? mention.Surface : mention.Term.Name);
        }
        // A food turned down anywhere in the message is not the one asked for (치킨은 어제 먹었으니까 치킨 빼고).
        var foodType = WantedFood(wanted.Where(m => !exclusions.Contains(m.Term.Name)).ToList());
        AddIngredientExclusions(text, mentions, exclusions);

        var taste = ExtractTaste(compact, exclusions);
        exclusions.RemoveAll(diet.Mentions);
        var budget = BudgetParser.Parse(text.Normalized);
        int? budgetAmount = budget?.Amount;
        var budgetKind = budget?.Kind;
        // "배달팁 0원 되는 쿠폰" is about a fee, not the user's money.
        if (budget is null && !FeeOfZero().IsMatch(compact)
            && (NoMoney().IsMatch(compact) || text.Has(Signals.NoMoney) && !NoFoodOnly().IsMatch(compact)))
        {
            budgetAmount = 0;
            budgetKind = BudgetKinds.Exact;
        }

        return new Entities
        {
            FoodType = foodType,
            Budget = budgetAmount,
            BudgetKind = budgetKind,
            LocationPreference = AsTyped(places.Find(text.Normalized, compact, isFoodWord), text.Original),
            TimePreference = timePhrases.Find(text.Normalized),
            TastePreference = taste,
            Companions = ExtractCompanions(text, mentions.Count > 0),
            Urgency = ExtractUrgency(text, mentions),
            DietaryRestrictions = diet.Items.Count > 0 ? diet.Items : null,
            PortionSize = ExtractPortion(compact),
            Exclusions = exclusions.Count > 0 ? exclusions : null,
        };
    }

    /// <summary>The first food wanted (two wanted foods → the first one mentioned).</summary>
    private static string? WantedFood(List<FoodMention> wanted)
    {
        if (wanted.Count == 0)
        {
            return null;
        }
        var first = wanted[0].Term;
        return first.Name;
    }

    /// <summary>
    /// A food only reported (어제 피자 먹었어, 급식으로 카레 나왔어, 라면 하나 없어) or being swapped out (감자튀김 대신
    /// 치즈스틱) is not the one asked for.
    /// </summary>
    private static bool IsReportedOrReplaced(string compact, int end) =>
        ReportedFood().IsMatch(compact.AsSpan(end).ToString());

    /// <summary>
    /// A match that is no word of the user's: a misspelling inside a longer word (대치동 is no 치돈), a common word one
    /// letter from a food (공짜, 타고), or a spelling across two words (조용한 식당 is no 한식당).
    /// </summary>
    private bool IsPartOfOtherWords(bool[] wordStarts, FoodMention mention)
    {
        var typo = !foods.TryGet(mention.Surface, out _);
        if (typo && (!wordStarts[mention.Start] || TypoLookalikes.Contains(mention.Surface)))
        {
            return true;
        }
        return !wordStarts[mention.Start] && wordStarts.AsSpan(mention.Start + 1, mention.End - mention.Start - 1).Contains(true);
    }

    private static readonly HashSet<string> TypoLookalikes = new(StringComparer.Ordinal) { "공짜", "타고", "타구", "피차" };

    /// <summary>
    /// A one-syllable food inside a longer word or used as a verb: 등가죽 and 굶어 죽을 것 같아 are not 죽.
    /// </summary>
    private static bool IsVerbNotFood(string compact, bool[] wordStarts, FoodMention mention)
    {
        if (mention.End - mention.Start != 1)
        {
            return false;
        }
        if (!wordStarts[mention.Start])
        {
            return true;
        }
        var after = compact.AsSpan(mention.End);
        return after.StartsWith("을") || after.StartsWith("겠") || after.StartsWith("는") || after.StartsWith("어")
            || after.StartsWith("었") || after.StartsWith("일") || after.StartsWith("고") || after.StartsWith("기");
    }

    /// <summary>
    /// True when the word ending at <paramref name="end"/> is turned down right after it: 피자는 싫어, 오이 꼭 빼주세요,
    /// 떡볶이는 질렸고, 치즈 없는 걸로, 파 넣지 마세요.
    /// </summary>
    private bool IsRejectedAfter(string compact, int end, bool coordinated = true)
    {
        var i = end;
        // Skip particles and "거/건" (피자는 싫어, 매운 거 말고).
        foreach (var particle in Particles)
        {
            if (compact.AsSpan(i).StartsWith(particle))
            {
                i += particle.Length;
                break;
            }
        }
        for (var skipped = 0; skipped < 2; skipped++)
        {
            foreach (var adverb in Adverbs)
            {
                if (compact.AsSpan(i).StartsWith(adverb))
                {
                    i += adverb.Length;
                    break;
                }
            }
        }
        if (!cues.StartsAt("reject", compact, i, out var length))
        {
            return coordinated && IsCoordinatedWithRejected(compact, end);
        }
        var cue = compact.AsSpan(i, length);
        var after = compact.AsSpan(i + length);
        if (cue.SequenceEqual("빼"))
        {
            // 빼빼로 is a snack and 빼먹다 is "to forget", not a removal.
            return !(after.StartsWith("빼") || after.StartsWith("먹") || after.StartsWith("앗"));
        }
        if (cue.Contains("먹", StringComparison.Ordinal))
        {
            if (after.StartsWith("사람") || after.StartsWith("애"))
            {
                return false; // "매운 거 못 먹는 사람" (맵찔이) describes the eater, it turns nothing down
            }
            // "치킨 못 먹어?" asks whether it can be had; a question is not a refusal.
            var rest = after.Length > 3 ? after[..3] : after;
            return !rest.Contains('?');
        }
        return true;
    }

    /// <summary>"양파랑 마늘 빼 주세요": a food or ingredient joined to the next one, which is turned down.</summary>
    private bool IsCoordinatedWithRejected(string compact, int end)
    {
        foreach (var conjunction in Conjunctions)
        {
            if (!compact.AsSpan(end).StartsWith(conjunction))
            {
                continue;
            }
            var next = end + conjunction.Length;
            for (var length = Math.Min(6, compact.Length - next); length >= 1; length--)
            {
                var word = compact.Substring(next, length);
                if ((ingredients.Contains(word) || foods.TryGet(word, out _)) && IsRejectedAfter(compact, next + length))
                {
                    return true;
                }
            }
        }
        return false;
    }

    // "제외 피자" is rare but "안 먹고 싶은 건 피자" style ordering exists; both read as a rejection.
    private static bool IsNegatedBefore(string compact, int start) =>
        compact.AsSpan(0, start).EndsWith("제외") || compact.AsSpan(0, start).EndsWith("싫은건");

    /// <summary>
    /// Ingredients that are not dishes (오이, 양파, 소금, 단무지) turned down in the message, and any other word the
    /// user asks to have taken out (○○ 빼 주세요), as said.
    /// </summary>
    private void AddIngredientExclusions(PreprocessedText text, IReadOnlyList<FoodMention> mentions, List<string> exclusions)
    {
        var compact = text.Compact;
        if (compact.Length == 0)
        {
            return;
        }
        var wordStarts = FoodLexicon.WordStarts(text.Normalized);
        var taken = new bool[compact.Length];
        foreach (var mention in mentions)
        {
            taken.AsSpan(mention.Start, mention.End - mention.Start).Fill(true);
        }
        var found = new List<(int At, string Word)>();
        foreach (var ingredient in ingredientsLongestFirst)
        {
            for (var at = compact.IndexOf(ingredient, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(ingredient, at + 1, StringComparison.Ordinal))
            {
                if (!wordStarts[at] || taken.AsSpan(at, ingredient.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, ingredient.Length).Fill(true);
                if (IsRejectedAfter(compact, at + ingredient.Length))
                {
                    found.Add((at, ingredient));
                }
            }
        }
        foreach (var (_, word) in found.OrderBy(f => f.At))
        {
            AddOnce(exclusions, word);
        }
        foreach (Match removal in RemovalRequest().Matches(text.Normalized))
        {
            var word = StripParticle(removal.Groups["noun"].Value);
            if (word.Length == 0 || NotRemovable.Contains(word) || ingredients.Contains(word) || foods.TryGet(word, out _)
                || cues["reject"].Any(cue => word.StartsWith(cue, StringComparison.Ordinal))
                || tasteAliases.Any(t => t.Alias == word) || foods.FindAll(word).Count > 0)
            {
                continue;
            }
            AddOnce(exclusions, word);
        }
    }

    /// <summary>
    /// The phrase with the user's own letter case: the normalizer lower-cases Latin letters, but the user wrote "PC방 옆"
    /// and that is what the entity should say. Unchanged when the phrase has no Latin letters or is not found verbatim.
    /// </summary>
    private static string? AsTyped(string? phrase, string original)
    {
        if (phrase is null || !phrase.Any(char.IsAsciiLetterLower))
        {
            return phrase;
        }
        var at = original.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? original.Substring(at, phrase.Length) : phrase;
    }

    private static string StripParticle(string word)
    {
        foreach (var particle in (string[])["은", "는", "을", "를", "도", "만"])
        {
            if (word.Length > 1 && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^1];
            }
        }
        // 이/가 only off longer words: 오이 and 파가 keep their last syllable, 마늘이 loses it.
        return word.Length > 2 && (word.EndsWith('이') || word.EndsWith('가')) ? word[..^1] : word;
    }

    // Pronouns and generic words that a removal request may name but that are no ingredient.
    private static readonly HashSet<string> NotRemovable = new(StringComparer.Ordinal)
    {
        "이거", "그거", "저거", "이것", "그것", "저것", "이건", "그건", "거", "것", "다", "전부", "모두", "하나", "좀", "꼭", "이",
        "그", "메뉴", "재료", "옵션", "나", "저", "나는", "저는", "제발", "진짜", "그냥", "혹시", "이번", "여기", "거기",
    };

    private readonly HashSet<string> ingredients = new(cues["ingredients"], StringComparer.Ordinal);

    private readonly string[] ingredientsLongestFirst = [.. cues["ingredients"]];

    private readonly Dictionary<string, string> negatedTaste = new(cues.Map("taste_negated"), StringComparer.Ordinal);

    /// <summary>
    /// The taste asked for. A rejected taste (매운 거 말고, 느끼한 거 싫어) becomes its negated word when there is one
    /// and goes to exclusions; a negated one (안 매운, 덜 느끼하게) only sets the taste. Tastes merely asked about
    /// (짬뽕 얼큰해?), listed as options (매운맛이랑 순한맛 있어?) or contradicting each other set nothing.
    /// </summary>
    private string? ExtractTaste(string compact, List<string> exclusions)
    {
        var found = new List<(int At, int End, string Alias, string Word)>();
        var taken = new bool[compact.Length];
        foreach (var (alias, word) in tasteAliases)
        {
            for (var at = compact.IndexOf(alias, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(alias, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, alias.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, alias.Length).Fill(true);
                found.Add((at, at + alias.Length, alias, word));
            }
        }
        found.Sort((a, b) => a.At.CompareTo(b.At));
        // An ingredient spelled like a taste (얼음 적게) is an ingredient.
        found.RemoveAll(f => ingredients.Contains(f.Alias));
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var gap = compact.AsSpan(found[k].End, found[k + 1].At - found[k].End);
            if (found[k].Word != found[k + 1].Word && OptionJoiner().IsMatch(gap.ToString()))
            {
                return null; // 매운맛이랑 순한맛 있어?, 매운맛 달콤한맛: options of a menu
            }
        }

        var decided = new List<string>();
        foreach (var (at, end, alias, word) in found)
        {
            var after = end;
            if (after < compact.Length && compact[after] is '거' or '건' or '걸' or '것')
            {
                after++;
            }
            var rejected = IsRejectedAfter(compact, after);
            var cannotEatPerson = CannotEatPerson().IsMatch(compact.AsSpan(end).ToString());
            if (!rejected && TasteTalk().IsMatch(compact.AsSpan(end).ToString()))
            {
                continue; // 짬뽕 얼큰해?, 매운맛 조절 되나
            }
            var isNegativeWord = negatedTaste.ContainsValue(word);
            string? result;
            if (isNegativeWord)
            {
                result = word;
                var positive = negatedTaste.First(p => p.Value == word).Key;
                if (alias.Contains("못먹", StringComparison.Ordinal) || cues["reject"].Any(r => alias.Contains(r, StringComparison.Ordinal)))
                {
                    AddOnce(exclusions, positive); // the alias itself is a rejection: "매운 거 말고"
                }
            }
            else if (rejected)
            {
                AddOnce(exclusions, word);
                result = negatedTaste.GetValueOrDefault(word);
            }
            else if (at >= 1 && compact[at - 1] is '안' or '덜' || cannotEatPerson)
            {
                result = negatedTaste.GetValueOrDefault(word); // 덜 달게 has no word of its own
            }
            else
            {
                result = word;
            }
            if (result is not null)
            {
                decided.Add(result);
            }
        }
        if (decided.Any(d => negatedTaste.TryGetValue(d, out var negative) && decided.Contains(negative)))
        {
            return null; // 하나는 매운 거 하나는 안 매운 거
        }
        return decided.FirstOrDefault();
    }

    private readonly (string Alias, string Word)[] tasteAliases = cues.Tastes.Concat(cues.ExtraTastes)
        .SelectMany(t => t.Aliases.Append(t.Word).Select(a => (Alias: CueLexicon.Compact(a), t.Word)))
        .Where(p => p.Alias.Length > 0)
        .DistinctBy(p => p.Alias)
        .OrderByDescending(p => p.Alias.Length)
        .ToArray();



    /// <summary>
    /// How many eat (the largest head count said: 친구 넷 나 포함하면 다섯 → 5), else who comes along as said
    /// (엄마랑 → 엄마, 애들이랑 → 친구), else 혼자. People only mentioned (엄마가 만원 줬어) or met in the past
    /// (어제 친구랑 치킨 먹었는데) are not companions.
    /// </summary>
    private Companions? ExtractCompanions(PreprocessedText text, bool mentionsFood)
    {
        var normalized = text.Normalized;
        var compact = text.Compact;
        var best = 0;
        foreach (Match count in HeadCount().Matches(normalized))
        {
            if (KoreanNumbers.Count(count.Groups["n"].Value) is > 0 and < 200 and var n)
            {
                best = Math.Max(best, n);
            }
        }
        foreach (Match count in HouseholdCount().Matches(normalized))
        {
            best = Math.Max(best, int.Parse(count.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (Match count in BareCount().Matches(normalized))
        {
            var rest = normalized.AsSpan(count.Index + count.Length).TrimStart();
            if (rest.StartsWith("중") && !ChoiceAmongPeople().IsMatch(rest.ToString()))
            {
                continue; // 떡볶이 아니면 김밥 둘 중에 골라줘: a choice, not people
            }
            if (rest.StartsWith("다") && !PeopleAround().IsMatch(normalized))
            {
                continue; // 점심이랑 저녁 둘 다: two things, not two people
            }
            best = Math.Max(best, KoreanNumbers.Count(count.Groups["n"].Value) ?? 0);
        }
        if (best > 0)
        {
            return Companions.OfCount(best);
        }
        if (CompanionWord(normalized, compact) is { } word)
        {
            return Companions.OfWord(word);
        }
        var alone = compact.Contains("혼밥", StringComparison.Ordinal) || compact.Contains("혼자", StringComparison.Ordinal);
        if (alone && !AloneRejected().IsMatch(compact) && (mentionsFood || EatingContext().IsMatch(compact)))
        {
            return Companions.OfWord("혼자");
        }
        return null;
    }

    private string? CompanionWord(string normalized, string compact)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '!', '.', ',', '~', '^', 'ㅋ', 'ㅎ', 'ㅠ', 'ㅜ'))
            .ToArray();
        var together = Together().IsMatch(compact);
        string? loose = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (Companion(words[i]) is not { } person)
            {
                continue;
            }
            var said = person.Canonical;
            var last = i;
            var comitative = ComitativeEndings.Contains(person.Tail);
            if (person.Tail.Length == 0 && i + 1 < words.Length && Companion(words[i + 1]) is { } second
                && ComitativeEndings.Contains(second.Tail))
            {
                said = person.Canonical + " " + second.Canonical; // 엄마 아빠랑
                last = i + 1;
                comitative = true;
            }
            else if (comitative && i + 1 < words.Length && Companion(words[i + 1]) is { } also && ComitativeEndings.Contains(also.Tail))
            {
                said = person.Canonical + " " + also.Canonical; // 엄마랑 아빠랑
                last = i + 1;
            }
            else if (person.Tail is "" or "들" or "도" && i + 1 < words.Length && words[i + 1] is "데리고" or "같이" or "함께" or "모시고")
            {
                comitative = true; // 동생 데리고
            }
            var rest = string.Concat(words.Skip(last + 1));
            if (IsPastEpisode(rest))
            {
                continue; // 친구랑 싸웠어, 어제 가족이랑 고기 먹었는데
            }
            if (comitative)
            {
                return said;
            }
            // Without "○○랑" the person still eats along when the message says so (같이 먹을 친구가 …) or when
            // the person is the one hungry or to be fed (동생이 배고프대요, 동생 밥 먹여야 돼); 엄마가 만원 줬어 is not.
            if (loose is null && PersonTails.Contains(person.Tail) && (together || PersonEats().IsMatch(StripLeadingAdverbs(rest))))
            {
                loose = said;
            }
        }
        return loose;
    }

    private static readonly HashSet<string> PersonTails = new(StringComparer.Ordinal)
    {
        "", "이", "가", "들", "들이", "도", "들도", "는", "은", "들은", "네", "들아",
    };

    private static string StripLeadingAdverbs(string rest)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var adverb in (string[])["모두", "다", "오늘", "어제부터", "지금", "계속", "너무", "진짜", "또", "벌써"])
            {
                if (rest.StartsWith(adverb, StringComparison.Ordinal))
                {
                    rest = rest[adverb.Length..];
                    changed = true;
                }
            }
        }
        return rest;
    }

    /// <summary>What follows a person is a finished event (먹었는데, 싸웠어, 놀다 왔다) or another kind of being together (사는데).</summary>
    private static bool IsPastEpisode(string rest)
    {
        rest = SkippedMealVerb().Replace(rest, ""); // 동생이랑 굶었어 is today's hunger, not a story
        var past = PastOrOtherDoing().Match(rest);
        var plan = EatingPlan().Match(rest);
        return past.Success && (!plan.Success || past.Index < plan.Index);
    }

    private (string Canonical, string Tail)? Companion(string word)
    {
        foreach (var prefix in (string[])["", "우리", "울", "내", "제", "저희"])
        {
            if (!word.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (surface, canonical) in companionWords)
            {
                if (word.AsSpan(prefix.Length).StartsWith(surface, StringComparison.Ordinal))
                {
                    return (canonical, word[(prefix.Length + surface.Length)..]);
                }
            }
        }
        return null;
    }

    private static readonly HashSet<string> ComitativeEndings = new(StringComparer.Ordinal)
    {
        "랑", "이랑", "하고", "와", "과", "끼리", "들이랑", "들하고", "들과", "들끼리", "이랑도", "랑도", "하고도", "랑은", "이랑은",
        "들이랑은", "이랑만", "랑만", "하구", "이랑같이", "랑같이", "하고같이", "들이랑같이", "이서", "들이서",
    };

    private readonly (string Surface, string Canonical)[] companionWords = cues["companion_words"]
        .Select(entry => entry.Split('=') is [var surface, var canonical] ? (surface, canonical) : (entry, entry))
        .DistinctBy(p => p.Item1)
        .OrderByDescending(p => p.Item1.Length)
        .ToArray();

    /// <summary>
    /// high for stated hunger, physical signs of it, a skipped meal or a hurry to eat; low when the user says
    /// there is no hurry (천천히, 안 급해, 이따 먹을 거). A hurry that is only a time limit (10분 안에), a wish
    /// (방학 빨리 왔으면) or a question about the shop (바로 나와?) is none.
    /// </summary>
    private string? ExtractUrgency(PreprocessedText text, IReadOnlyList<FoodMention> mentions)
    {
        var compact = text.Compact;
        var calm = cues.Any("calm", compact);
        foreach (var phrase in cues["calm"])
        {
            compact = compact.Replace(phrase, new string('_', phrase.Length), StringComparison.Ordinal);
        }
        compact = NotOwnHunger().Replace(compact, m => new string('_', m.Length));
        // Hurry words inside food names (꿔바로우 is no 바로), time limits, wishes and questions about the shop.
        var hurryText = compact.ToCharArray();
        foreach (var mention in mentions)
        {
            hurryText.AsSpan(mention.Start, mention.End - mention.Start).Fill('_');
        }
        var hurry = NotAHurry().Replace(new string(hurryText), m => new string('_', m.Length));
        // Emoji stand for hunger or hurry only when the message has no words (🤤, ⏰⏰); beside words they decorate.
        var emojiOnly = !text.Compact.Any(c => c is >= '가' and <= '힣');

        if (cues.Any("hunger", compact) || HungerPhrase().IsMatch(compact) || cues.Any("urgency_high", compact)
            || ShakingHands().IsMatch(compact) || SkippedMeal(compact) || MissedMeals().IsMatch(compact)
            || cues.Any("hurry", hurry)
            || emojiOnly && (text.Has(Signals.Hunger) || text.Has(Signals.Hurry) || text.Has(Signals.SkippedMeal)))
        {
            return Urgency.High;
        }
        if (calm || cues.Any("later", compact.Replace("이따위", "___", StringComparison.Ordinal)) && EatingPlan().IsMatch(compact))
        {
            return Urgency.Low;
        }
        return null;
    }

    /// <summary>A skipped-meal phrase that is not about the future (못 먹을 것 같아), a condition or a taste (매운 거 잘 못 먹음).</summary>
    private bool SkippedMeal(string compact)
    {
        foreach (var phrase in cues["skipped_meal"])
        {
            for (var at = compact.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var after = compact.AsSpan(at + phrase.Length);
                var before = compact.AsSpan(0, at);
                if (after.StartsWith("을") || after.StartsWith("으면") || before.EndsWith("잘") || before.EndsWith("거")
                    || before.EndsWith("걸") || before.EndsWith("건") || before.EndsWith("없으면밥") || before.EndsWith("면"))
                {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    private Diet ExtractDiet(PreprocessedText text)
    {
        var compact = text.Compact;
        var diet = new Diet();
        foreach (Match allergy in AllergyWord().Matches(compact))
        {
            if (Allergen(compact, allergy.Index) is { } what)
            {
                diet.Add("allergy:" + what, compact, what);
            }
        }
        if (Vegan().IsMatch(compact))
        {
            diet.Add("vegan", compact);
        }
        if (compact.Contains("채식", StringComparison.Ordinal) || compact.Contains("베지테리언", StringComparison.Ordinal))
        {
            diet.Add("vegetarian", compact);
        }
        if (compact.Contains("할랄", StringComparison.Ordinal))
        {
            diet.Add("halal", compact);
        }
        if (NoPork().IsMatch(compact))
        {
            diet.Add("no_pork", compact, "돼지고기");
        }
        if (NoBeef().IsMatch(compact))
        {
            diet.Add("no_beef", compact, "소고기", "쇠고기");
        }
        if (NoSeafood().IsMatch(compact))
        {
            diet.Add("no_seafood", compact, [.. dietWords.SaidWith("no_seafood")]);
        }
        if (!diet.Items.Contains("allergy:우유")
            && (compact.Contains("유당", StringComparison.Ordinal) || compact.Contains("락토프리", StringComparison.Ordinal)
                || NoDairy().IsMatch(compact)))
        {
            diet.Add("lactose_free", compact, "우유", "유제품");
        }
        if (NoWheat().IsMatch(compact))
        {
            diet.Add("allergy:밀가루", compact, "밀가루");
        }
        return diet;
    }

    /// <summary>
    /// The food an allergy is to: the known food or ingredient right before 알레르기 (친구 중에 새우 알레르기 → 새우),
    /// else the one asked about (땅콩 들어가요? 알레르기 있어요 → 땅콩).
    /// </summary>
    private string? Allergen(string compact, int allergyAt)
    {
        var before = compact[..allergyAt];
        foreach (var particle in (string[])["에", "가", "이", "는", "도", "은"])
        {
            if (before.EndsWith(particle, StringComparison.Ordinal) && KnownAllergen(before[..^1], out _))
            {
                before = before[..^1];
                break;
            }
        }
        if (KnownAllergen(before, out var allergen))
        {
            return allergen;
        }
        var asked = AskedIngredient().Matches(before);
        for (var k = asked.Count - 1; k >= 0; k--)
        {
            var head = before[..asked[k].Index];
            foreach (var particle in (string[])["이", "가", "은", "는", "도"])
            {
                if (head.EndsWith(particle, StringComparison.Ordinal) && KnownAllergen(head[..^1], out _))
                {
                    head = head[..^1];
                    break;
                }
            }
            if (KnownAllergen(head, out allergen))
            {
                return allergen;
            }
        }
        return null;
    }

    /// <summary>Whether the text ends with a known allergen, food or ingredient (the longest one).</summary>
    private bool KnownAllergen(string text, out string allergen)
    {
        allergen = "";
        foreach (var word in dietWords.Allergens.Concat(ingredientsLongestFirst).Concat(foods.Surfaces).OrderByDescending(w => w.Length))
        {
            if (word.Length > 0 && text.EndsWith(word, StringComparison.Ordinal))
            {
                allergen = foods.TryGet(word, out var term) && !dietWords.Allergens.Contains(word) ? term.Name : word;
                return true;
            }
        }
        return false;
    }

    private sealed class Diet
    {
        private readonly List<(int Start, int End)> spans = [];
        private readonly HashSet<string> words = new(StringComparer.Ordinal);

        public List<string> Items { get; } = [];

        public void Add(string item, string compact, params string[] triggers)
        {
            AddOnce(Items, item);
            foreach (var trigger in triggers)
            {
                words.Add(trigger);
                for (var at = compact.IndexOf(trigger, StringComparison.Ordinal); at >= 0;
                     at = compact.IndexOf(trigger, at + 1, StringComparison.Ordinal))
                {
                    spans.Add((at, at + trigger.Length));
                }
            }
        }

        /// <summary>Whether a food found at [start, end) is the very word of a restriction (고기 in 돼지고기 빼고).</summary>
        public bool Covers(int start, int end) => spans.Any(s => start < s.End && s.Start < end);

        /// <summary>Dietary items are not repeated in exclusions.</summary>
        public bool Mentions(string exclusion) => words.Contains(exclusion);
    }

    /// <summary>One size when the message names one (곱빼기, 반만, 레귤러로); two different sizes are a comparison.</summary>
    private string? ExtractPortion(string compact)
    {
        var sizes = new List<string>();
        if (AnySize("size_large", compact))
        {
            sizes.Add(PortionSizes.Large);
        }
        if (AnySize("size_small", compact))
        {
            sizes.Add(PortionSizes.Small);
        }
        if (AnySize("size_normal", compact))
        {
            sizes.Add(PortionSizes.Normal);
        }
        return sizes.Count == 1 ? sizes[0] : null;
    }

    private bool AnySize(string list, string compact)
    {
        foreach (var phrase in cues[list])
        {
            for (var at = compact.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var after = compact.AsSpan(at + phrase.Length);
                // 곱빼기는커녕 (not even), 많이 먹었어 (the past), 배부른데 (already full)
                if (after.StartsWith("는커녕") || after.StartsWith("은커녕") || after.StartsWith("커녕") || after.StartsWith("었")
                    || phrase == "배부른" && (after.StartsWith("데") || after.StartsWith("상태")))
                {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    // Money words followed by "none" in any of the ways children say it: 돈도 없고, 돈이 진짜 없어, 잔액 부족, 점심값이 없어.
    [GeneratedRegex(@"(돈|잔액|현금|용돈|밥값|점심값|저녁값|아침값|식비|카드값|카드잔액)(이|도|은|는|가|을|를)?(진짜|정말|하나도|한개도|1원도|한푼도|전혀|다|아예|완전|벌써|이제)*(없|업|부족|바닥|떨어|0원|영원)|지갑(이|에|은|도)?(텅|비었|비어있|털렸|털림)|지갑에(돈|현금|동전)?(이|도)?(하나도|한개도|한푼도|1원도)?없|동전(하나|한개|한푼)도?없|(돈|용돈|잔액|현금|카드|급카|급식카드|밥값|식비)(이|도|은|을|를)?(다|벌써|이미|전부)*(썼|씀|써서|써버|탕진|털)|(돈|용돈|잔액|현금|밥값|식비)(이|도|은|는)?(하나도|한푼도|1원도|전혀)?(안남|못남|남은게없|남은거없)|nomoney|money0|moneyx|broke|없어돈|없다돈|없음돈|돈0원?(?![0-9])|잔액0(?![0-9])|돈(이|은)?읎|돈도[가-힣]{1,6}도없|(돈|잔액)(이|은)?(1도|0이|0원)|한푼도|한푼없|땡전|빈털터리|텅장|무일푼|거지됨")]
    private static partial Regex NoMoney();

    // "먹을 게 없어" is about food, not money.
    [GeneratedRegex(@"(배달팁|배달비|배송비|수수료|최소주문|포장비)(이|가|은|는)?(0원|공짜|무료)")]
    private static partial Regex FeeOfZero();

    [GeneratedRegex(@"먹을(게|것|거)(도|이|가)?(하나도|아무것도)?없")]
    private static partial Regex NoFoodOnly();

    [GeneratedRegex(@"알레르기|알러지|알르레기|알레르지|알러쥐")]
    private static partial Regex AllergyWord();

    // The ingredient a question is about: 땅콩 들어가요?, 우유 들어있어?
    [GeneratedRegex(@"(?:들어가|들어있|들었|넣)")]
    private static partial Regex AskedIngredient();

    [GeneratedRegex(@"비건|vegan|완전채식", RegexOptions.IgnoreCase)]
    private static partial Regex Vegan();

    // Refusing, avoiding or asking about an ingredient: 돼지고기 빼고, 못 먹어, 안 드셔, 안 쓰는, 들어가요?
    private const string Avoid = @"(?:은|는|을|를|이|가|도)?(?:빼|말고|못|안|싫|없|들어가|들어있|들었|넣지|금지|제외|x|X)";

    [GeneratedRegex(@"돼지고기" + Avoid)]
    private static partial Regex NoPork();

    [GeneratedRegex(@"(?:소고기|쇠고기)" + Avoid)]
    private static partial Regex NoBeef();

    [GeneratedRegex(@"(?:해산물|해물|어패류)(?:은|는|을|를|이|도)?(?:빼|말고|못|안|싫|없|제외)")]
    private static partial Regex NoSeafood();

    // 우유 못 먹어, 유제품 없는 걸로, 우유 빼고 (but 우유 들어가요? alone is a question, not a restriction)
    [GeneratedRegex(@"(?:우유|유제품)(?:은|는|을|를|이|가|도)?(?:빼|말고|못|안|없|먹으면배|마시면배)")]
    private static partial Regex NoDairy();

    [GeneratedRegex(@"밀가루(?:은|는|를|가|도)?(?:빼|말고|못먹|안들어|없는|없이|안먹)")]
    private static partial Regex NoWheat();

    [GeneratedRegex(@"(?<n>\d{1,3}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(?:명|사람|식구)")]
    private static partial Regex HeadCount();

    // 4인 가족, 3인이서 (not 2인분)
    [GeneratedRegex(@"(?<n>\d{1,2})\s*인\s*(?:가족|이서|이(?![상하내]))")]
    private static partial Regex HouseholdCount();

    // 둘이서, 셋이, 우리 넷, 나까지 셋, 둘 다, 다섯이 (a word of its own)
    [GeneratedRegex(@"(?<![가-힣])(?<n>둘|셋|넷|다섯|여섯|일곱|여덟|아홉)(?=이서|이요|이야|이랑|이|인데|\s|$|[?!.,~ㅋㅎㅠ])")]
    private static partial Regex BareCount();

    // Someone besides the things counted: a person word, 나/저/우리, or eating together.
    [GeneratedRegex(@"(?<![가-힣])(?:나|저)(?:랑|까지|포함)|우리|저희|같이|함께|배고|친구|동생|엄마|아빠|형|누나|언니|오빠|가족")]
    private static partial Regex PeopleAround();

    [GeneratedRegex(@"^중에?\s*(?:한\s*명|한\s*사람|누구|하나가)")]
    private static partial Regex ChoiceAmongPeople();

    // After "○○랑": a past meal, a finished event or something other than eating (싸웠어, 화해했어, 사는데) …
    [GeneratedRegex(@"먹었|묵었|갔었|(?:었|았|했|갔|왔|웠|였|봤)(?:어|다(?!가)|음|지|네|요|$|[.!~ㅋㅎㅠ])|싸우|싸움|화해|사는|살아|살고|통화|연락")]
    private static partial Regex PastOrOtherDoing();

    [GeneratedRegex(@"굶었|못먹었|안먹었")]
    private static partial Regex SkippedMealVerb();

    [GeneratedRegex(@"같이|함께")]
    private static partial Regex Together();

    // The person is the one hungry or fed: 동생이 배고프대, 가족 모두 굶었어요, 동생 밥 먹여야, 가족 외식
    [GeneratedRegex(@"^(?:(?:밥|아침|점심|저녁)(?:을|를|도|은|이)?(?:못|안|먹|챙|사|해|굶)|배고|굶|못먹|안먹|먹고싶|먹자|먹여|먹일|외식|모였|모여|다모였)")]
    private static partial Regex PersonEats();

    // … or a plan to eat or go (먹을, 갈, 시켜, 뭐, 추천, ㄱ).
    [GeneratedRegex(@"먹(?!었)|묵(?!었)|갈|가자|가서|가면|가도|가고|가려|가야|가기|시켜|시킬|주문|외식|데이트|나눠|같이|함께|뭐|추천|ㄱ|골라|고를|쓸|써도|찾")]
    private static partial Regex EatingPlan();

    [GeneratedRegex(@"혼밥(?:은|메뉴)?(?:말고|아니)")]
    private static partial Regex AloneRejected();

    [GeneratedRegex(@"먹|묵|밥|식당|메뉴|가능|주문|시켜|들어가|가기|가도|인분|배고|굶|배달")]
    private static partial Regex EatingContext();

    // 배가 너무 고파요, 배는 왜 이렇게 고프냐, 배가 고픈데 (but not 배고플 것 같아: future)
    [GeneratedRegex(@"배(?:가|는|도)?(?:너무|넘|진짜|정말|왜|이렇게|좀|완전|많이|엄청|개|겁나|존나|막)*고(?:프|파|픈|팠|퍼|퐈)")]
    private static partial Regex HungerPhrase();

    [GeneratedRegex(@"손.{0,6}떨(?:려|리|림)")]
    private static partial Regex ShakingHands();

    // 아침 안 먹고 왔어, 밥을 잘 못 먹고 있어요, 아침 점심 다 패스함, 이틀 동안 라면 하나 먹었어요
    [GeneratedRegex(@"(?:아침|점심|저녁|밥|급식|끼니|한끼)(?:을|를|도|은|는|이)?(?:다|잘|제대로|통|자주)?(?:못|안)(?:먹고|먹었|먹음|먹어서|먹는|먹었어|먹어요?(?=$|[.!~ㅠㅜ]))|(?:아침|점심|저녁|끼니|밥)(?:도|은|는|이랑|다)*(?:다)?(?:패스|스킵|걸러|건너뛰)|(?:하루종일|이틀|사흘|며칠|일주일).{0,12}?(?:하나|한개|조금)(?:만|밖에)?먹었|(?:계속|며칠|요즘|자꾸|며칠째)(?:밥을?|밥도)?(?:잘)?못먹")]
    private static partial Regex MissedMeals();

    // 10분 안에 is a time limit; 빨리 왔으면 a wish; 바로 나와? / 빨리 와?? a question about the shop.
    [GeneratedRegex(@"\d{1,3}분(?:안에|안으로|내로|이내|내에|만에)|(?:빨리|얼른)(?:왔으면|됐으면|끝났으면|오면좋겠|지나갔으면)|(?:바로|빨리)(?:나와|나오나|나와요|와|오나|와요|되나|돼)\?")]
    private static partial Regex NotAHurry();

    // Asking the bot whether it is hungry (로봇도 배고파?, 너도 배고파?).
    // Also hunger to come: 굶어야 하나, 굶게 생겼어 (a worry, not a stated hunger).
    [GeneratedRegex(@"(?:너|넌|로봇|챗봇|너네|나비얌)(?:도|는|은)?배고[파프]|굶(?:어야|게생|을까|을수|지마|지않)")]
    private static partial Regex NotOwnHunger();

    // Between two taste words: options of one menu (매운맛이랑 순한맛, 매운맛 달콤한맛).
    [GeneratedRegex(@"^맛?(?:이랑|랑|하고|아니면|vs|,|/|or)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionJoiner();

    // After a taste word: a question about it (얼큰해?, 매운가요?) or talk of levels (매운맛 조절, 매운맛 단계).
    [GeneratedRegex(@"^(?:맛)?(?:이)?(?:(?:해|해요|한가요|한가|하나요|하나|한지|가요|가|나요|나|니|냐|지|죠|요)?\?|(?:해|해요|하다|함)[ㅠㅜ.!~]*$|(?:을|를)?(?:조절|단계|고를|골라|선택|종류))")]
    private static partial Regex TasteTalk();

    // After a food: it was eaten or served before (먹었, 먹고 왔음, 나왔어, 였다), ran out or is missing (떨어졌어, 하나 없어,
    // 밖에 없어), or it is being swapped out (대신).
    [GeneratedRegex(@"^(?:은|는|이|가|을|를|도|만|으로|로)?[가-힣0-9]{0,8}?(?:먹었|묵었|먹고왔|먹다가|였다|였어|였음|이었|나왔|해줬|해준|갔었|버텼|떨어졌|잘끓)|^(?:하나|하나도|도|밖에|도하나)?없(?:어|음|다|네|고|어서)(?![?요]*\?)|^도못(?:사|가)|^(?:을|를)?대신")]
    private static partial Regex ReportedFood();

    // 어제도 마라탕 먹었는데 또 먹고 싶어: the food reported is wanted again.
    [GeneratedRegex(@"(?:또|다시)(?:먹고싶|먹을래|먹을까|먹고파|땡겨)")]
    private static partial Regex WantedAgain();

    // "매운 거 못 먹는 사람" (맵찔이): the taste is avoided, nothing is turned down.
    [GeneratedRegex(@"^(?:거|것|걸|건)?(?:을|를|은|는|도)?(?:잘)?못먹는(?:사람|애|편)")]
    private static partial Regex CannotEatPerson();

    // "○○ 빼 주세요" with a word the lexicons lack: a request to take it out. Not "빼고" (which also means "except").
    [GeneratedRegex(@"(?<![가-힣])(?<noun>[가-힣]{1,5})\s*(?:꼭\s*|좀\s*)?(?:빼\s*(?:주|줘|줄|달|요|ㅠ|$|[!?.~])|넣지\s*(?:마|말))")]
    private static partial Regex RemovalRequest();

}
