using Naviyam.Lexicons;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;

namespace Naviyam.UnitTests.Lexicons;

/// <summary>Every vocabulary file is read through a validating reader that names the file and the bad entry.</summary>
public sealed class VocabularyFileTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"vocabulary-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(path);

    private static readonly Dictionary<string, Action<string>> Readers = new()
    {
        ["diet"] = path => DietLexicon.Load(path),
        ["spicy"] = path => SpicyDishes.Load(path),
        ["dishes"] = path => DishPreferences.Load(path, TestLexicons.Spicy),
        ["prices"] = path => TypicalMealPriceTable.Load(path),
        ["followups"] = path => FollowUpPhrases.Load(path),
        ["refusals"] = path => RefusalLexicon.Load(path),
        ["card"] = path => CardPhrases.Load(path),
        ["cues"] = path => CueLexicon.Load(path),
        ["foods"] = path => FoodLexicon.Load(path),
        ["slang"] = path => SlangLexicon.Load(path),
        ["emoji"] = path => EmojiSignals.Load(path),
    };

    [Theory]
    [InlineData("diet", """{"version":1,"families":{"pork":{"words":["돼지"]}},"restrictions":{"no_pork":{"families":["prok"]}},"allergens":{}}""", "restrictions.no_pork", "prok")]
    [InlineData("diet", """{"version":1,"families":{"pork":{"words":["돼지",""]}},"restrictions":{},"allergens":{}}""", "families.pork.words", "blank")]
    [InlineData("diet", """{"version":1,"families":{"pork":{"words":["돼지","돼지"]}},"restrictions":{},"allergens":{}}""", "families.pork.words", "twice")]
    [InlineData("diet", """{"version":1,"families":{"seafood":{"words":["새우"],"saidOnly":["새우"]}},"restrictions":{},"allergens":{}}""", "families.seafood", "새우")]
    [InlineData("diet", """{"version":1,"families":{"pork":{"words":["돼지"]}},"restrictions":{},"allergens":{"땅콩":{}}}""", "allergens.땅콩", "rules out nothing")]
    [InlineData("diet", """{"version":1,"families":{},"restrictions":{}}""", "allergens", "missing")]
    [InlineData("diet", """{"version":2,"families":{},"restrictions":{},"allergens":{}}""", "version", "version 1")]
    [InlineData("diet", """{"version":1,"famlies":{},"restrictions":{},"allergens":{}}""", "famlies", "could not be mapped")]
    [InlineData("diet", """{"version":1,"families":{},"restrictions":{},"allergens":{"땅콩":{"words":["땅콩"]},"땅콩":{"words":["피넛"]}}}""", "땅콩", "Duplicate")]
    [InlineData("spicy", """{"version":1,"markers":["매운"],"usuallySpicy":["김치 찌개"],"mildVersions":["로제"]}""", "usuallySpicy", "without spaces")]
    [InlineData("spicy", """{"version":1,"markers":[],"usuallySpicy":["김치찌개"],"mildVersions":["로제"]}""", "markers", "at least one")]
    [InlineData("spicy", """{"version":1,"markers":["매운"],"usuallySpicy":["김치찌개"]""", "$", "LineNumber")]
    [InlineData("dishes", """{"version":1,"kinds":[{"label":"국물 요리","cues":["국물"],"dishes":["찌개",null]}]}""", "kinds[0] (국물 요리).dishes", "blank")]
    [InlineData("dishes", """{"version":1,"kinds":[{"cues":["국물"],"dishes":["찌개"]}]}""", "kinds[0].label", "missing")]
    [InlineData("prices", """{"version":1,"categories":[{"id":"Sushi","name":"스시","typicalMealPrice":9000}]}""", "categories[0] (Sushi)", "not a category")]
    [InlineData("prices", """{"version":1,"categories":[{"id":"Bunsik","name":"분식"}]}""", "categories[0] (Bunsik).typicalMealPrice", "from 500")]
    [InlineData("prices", """{"version":1,"categories":[{"id":"Bunsik","typicalMealPrice":40000000}]}""", "categories[0] (Bunsik).typicalMealPrice", "to 100000")]
    [InlineData("prices", """{"version":1,"categories":[{"id":"Bunsik","typicalMealPrice":4000},{"id":"Bunsik","typicalMealPrice":5000}]}""", "categories[1] (Bunsik)", "twice")]
    [InlineData("prices", """{"version":1,"categories":[{"id":"Bunsik","typicalMealPrice":4000}]}""", "categories", "lacks Other")]
    [InlineData("followups", """{"version":3,"where":["어디야"],"distance":["멀어"],"price":["가격"],"menu":["메뉴"],"hours":["영업시간"],"phone":["전화번호"],"pointers":["거기"],"last":["마지막"],"ordinals":[["첫째"],[]],"cheaper":["더싼"],"others":["다른데"],"reset":["리셋"]}""", "ordinals[1]", "at least one")]
    [InlineData("followups", """{"version":3,"where":["어디야"],"distance":["멀어"],"price":["가격"],"menu":["메뉴"],"hours":["영업시간"],"phone":["전화번호"],"pointers":["거기"],"last":["마지막"],"ordinals":[["첫째"]],"cheaper":["더싼"],"others":["다른데"]}""", "reset", "at least one")]
    [InlineData("followups", """{"version":3,"where":["어디야"],"distance":["멀어"],"price":["가격"],"menu":["메뉴"],"hours":["영업시간"],"phone":["전화번호"],"pointers":["거기"],"last":["마지막"],"ordinals":[["첫째"]],"cheaper":["더싼"],"reset":["리셋"]}""", "others", "at least one")]
    [InlineData("followups", """{"version":2,"where":["어디야"],"distance":["멀어"],"price":["가격"],"menu":["메뉴"],"hours":["영업시간"],"phone":["전화번호"],"pointers":["거기"],"last":["마지막"],"ordinals":[["첫째"]],"cheaper":["더싼"],"reset":["리셋"]}""", "version", "version 3")]
    [InlineData("refusals", """{"version":1,"topics":[{"topic":"alcohol","words":["술"],"askedWords":[]},{"topic":"drugs","words":["약"],"askedWords":[]}],"falseFriends":["미술"],"thirdParties":["아빠"]}""", "topics[1].topic", "drugs")]
    [InlineData("refusals", """{"version":1,"topics":[{"topic":"alcohol","words":["술"],"askedWords":[]},{"topic":"tobacco","words":["담배"],"askedWords":[]}],"falseFriends":["미술"],"thirdParties":["아빠"]}""", "topics", "lacks Adult")]
    [InlineData("refusals", """{"version":1,"topics":[{"topic":"alcohol","words":["Beer"],"askedWords":[]}],"falseFriends":["미술"],"thirdParties":["아빠"]}""", "topics[0].words", "lower-cased")]
    [InlineData("refusals", """{"version":1,"topics":[{"topic":"alcohol","words":["술"]}],"falseFriends":["미술"],"thirdParties":["아빠"]}""", "topics[0].askedWords", "at least one")]
    [InlineData("card", """{"version":1,"balance":["잔액"],"balanceQuestions":["얼마"],"order":["주문"],"choose":["할게"],"cancelOrder":["주문 취소"],"yes":["응"],"no":["아니"]}""", "cancelOrder", "without spaces")]
    [InlineData("card", """{"version":1,"balance":["잔액"],"balanceQuestions":["얼마"],"order":["주문"],"choose":["할게"],"cancelOrder":["주문취소"],"yes":["OK"],"no":["아니"]}""", "yes", "lower-cased")]
    [InlineData("cues", """{"version":1,"hunger":["배고파",3]}""", "hunger", "Number")]
    [InlineData("cues", """{"version":1,"hunger":["배고파","배고파"]}""", "hunger", "twice")]
    [InlineData("cues", """{"version":1,"taste":[{"word":"매운"}]}""", "taste[0]", "aliases")]
    [InlineData("cues", """{"version":1,"taste_negated":{"매운":7}}""", "taste_negated.매운", "a word")]
    [InlineData("cues", """{"hunger":["배고파"]}""", "version", "version 1")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"떡볶이","category":"분식류","aliases":[]}]}""", "foods[0] (떡볶이).category", "분식류")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"떡볶이","category":"분식"}],"compounds":[{"word":"떡튀순","foods":["떡볶이","튀김"]}]}""", "compounds[0] (떡튀순).foods", "튀김")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"라볶이","category":"분식","family":"떡뽁이"}]}""", "foods (라볶이).family", "떡뽁이")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"가","category":"분식","family":"나"},{"name":"나","category":"분식","family":"가"}]}""", "foods (가).family", "leads back")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"마라탕","category":"중식","aliases":["마라탕집"],"typedOnly":["마라"]}]}""", "foods[0] (마라탕).typedOnly", "not one of its aliases")]
    [InlineData("foods", """{"version":1,"foods":[{"name":"짜장면","category":"중식","certainAt":["중국집"]}]}""", "foods[0] (짜장면).certainAt", "중국집")]
    [InlineData("slang", """{"version":1,"replacements":[],"signals":[{"pattern":"배고파","signal":"hungry"}]}""", "signals[0] (배고파)", "hungry")]
    [InlineData("emoji", """{"version":1,"emoji":[{"symbol":"🍕","food":"피자","signal":"happy"}],"emoticons":[]}""", "emoji[0]", "either")]
    public void A_malformed_file_is_refused_with_the_file_and_the_entry_named(string reader, string json, string entry, string problem)
    {
        File.WriteAllText(path, json);

        var load = () => Readers[reader](path);

        var message = load.Should().Throw<InvalidDataException>().Which.Message;
        message.Should().Contain(path).And.Contain(entry).And.Contain(problem);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var load = () => SpicyDishes.Load(path);

        load.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(path);
    }
}
