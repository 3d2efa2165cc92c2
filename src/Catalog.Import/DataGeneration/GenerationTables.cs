using Naviyam.Shops;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>A menu a generated shop may offer: a price range in won, rounded to <see cref="Step"/>.</summary>
internal sealed record MenuTemplate(string Name, int MinPrice, int MaxPrice, MenuKind Kind, int Step = 500);

/// <summary>How shops of one category look: share of the city, name words, menus and typical hours.</summary>
internal sealed record CategoryProfile(
    FoodCategory Category,
    double Share,
    string[] NameWords,
    MenuTemplate[] Menus,
    int[] OpenTimes,
    int[] CloseTimes,
    double BreakChance,
    double OvernightChance,
    double ClosedDayChance,
    double DeliveryChance);

/// <summary>The fact tables behind <see cref="CityDataGenerator"/>. Prices are typical Seoul prices, 2024–2025.</summary>
internal static class GenerationTables
{
    private const MenuKind Meal = MenuKind.Meal;
    private const MenuKind Drink = MenuKind.Drink;
    private const MenuKind Side = MenuKind.Side;
    private const MenuKind Dessert = MenuKind.Dessert;
    private const MenuKind Alcohol = MenuKind.Alcohol;

    private static int H(int hour, int minute = 0) => hour * 60 + minute;

    private static readonly int[] LunchOpen = [H(10), H(10, 30), H(11), H(11), H(11, 30)];
    private static readonly int[] DinnerClose = [H(20), H(21), H(21), H(21, 30), H(22)];

    /// <summary>Shares add up to 1. 한식 and 분식 dominate, as in the real merchant lists.</summary>
    public static readonly CategoryProfile[] Profiles =
    [
        new(FoodCategory.Korean, 0.26, ["밥상", "식당", "한식당", "국밥", "백반", "찌개마을", "밥집", "한상"],
        [
            new("김치찌개", 7000, 9500, Meal), new("된장찌개", 7000, 9000, Meal), new("순두부찌개", 7500, 9500, Meal),
            new("제육볶음", 8000, 10500, Meal), new("불고기정식", 9000, 12000, Meal), new("비빔밥", 7500, 10000, Meal),
            new("돌솥비빔밥", 8500, 11000, Meal), new("갈비탕", 10000, 13000, Meal), new("순대국밥", 8000, 10000, Meal),
            new("뚝배기불고기", 9000, 11000, Meal), new("고등어구이", 9000, 11500, Meal), new("육개장", 8500, 10500, Meal),
            new("물냉면", 8000, 11000, Meal), new("공기밥", 1000, 1000, Side), new("계란찜", 3000, 5000, Side),
            new("음료수", 1000, 2000, Drink),
        ],
        LunchOpen, DinnerClose, BreakChance: 0.35, OvernightChance: 0.03, ClosedDayChance: 0.4, DeliveryChance: 0.3),

        new(FoodCategory.Bunsik, 0.15, ["김밥", "분식", "떡볶이", "김밥나라", "분식당"],
        [
            new("김밥", 3000, 5000, Meal), new("참치김밥", 4000, 5500, Meal), new("치즈김밥", 4000, 5500, Meal),
            new("떡볶이", 4000, 6000, Meal), new("라볶이", 5000, 7000, Meal), new("라면", 4000, 5500, Meal),
            new("쫄면", 6000, 7500, Meal), new("돈까스", 7000, 9000, Meal), new("오므라이스", 7000, 8500, Meal),
            new("순대", 4000, 5500, Meal), new("튀김", 3000, 4500, Side), new("어묵", 2000, 3000, Side),
            new("만두", 4000, 5000, Meal), new("김치볶음밥", 6500, 8000, Meal), new("음료", 1000, 1500, Drink),
        ],
        [H(8), H(9), H(10), H(10, 30)], [H(20), H(21), H(21), H(22)], BreakChance: 0.05, OvernightChance: 0.02, ClosedDayChance: 0.35, DeliveryChance: 0.6),

        new(FoodCategory.Chinese, 0.09, ["반점", "중화요리", "짬뽕", "성", "루"],
        [
            new("짜장면", 6000, 8000, Meal), new("짬뽕", 7000, 9500, Meal), new("볶음밥", 7500, 9000, Meal),
            new("탕수육", 15000, 22000, Meal), new("짬뽕밥", 8000, 9500, Meal), new("잡채밥", 8500, 10000, Meal),
            new("마파두부밥", 8500, 10000, Meal), new("울면", 7500, 9000, Meal), new("유산슬밥", 10000, 13000, Meal),
            new("군만두", 5000, 7000, Meal), new("깐풍기", 18000, 25000, Meal), new("공기밥", 1000, 1000, Side),
            new("콜라", 2000, 2000, Drink),
        ],
        LunchOpen, DinnerClose, BreakChance: 0.3, OvernightChance: 0.01, ClosedDayChance: 0.45, DeliveryChance: 0.75),

        new(FoodCategory.Japanese, 0.06, ["돈까스", "스시", "라멘", "우동", "카츠", "초밥"],
        [
            new("돈까스", 8000, 11000, Meal), new("치즈돈까스", 9000, 12000, Meal), new("우동", 6500, 9000, Meal),
            new("냉모밀", 7500, 9500, Meal), new("연어덮밥", 11000, 14000, Meal), new("규동", 8000, 10000, Meal),
            new("라멘", 9000, 11000, Meal), new("초밥세트", 12000, 16000, Meal), new("카레라이스", 7500, 9500, Meal),
            new("가츠동", 9000, 11000, Meal), new("미니우동", 3000, 4000, Meal), new("모찌아이스크림", 3000, 4000, Dessert),
            new("콜라", 2000, 2000, Drink),
        ],
        LunchOpen, DinnerClose, BreakChance: 0.45, OvernightChance: 0.0, ClosedDayChance: 0.4, DeliveryChance: 0.3),

        new(FoodCategory.Western, 0.04, ["파스타", "키친", "비스트로", "양식당", "레스토랑"],
        [
            new("까르보나라 파스타", 11000, 14000, Meal), new("토마토 파스타", 10000, 13000, Meal),
            new("함박스테이크", 12000, 15000, Meal), new("버섯 리조또", 12000, 15000, Meal), new("오므라이스", 9000, 11000, Meal),
            new("치킨 샐러드", 8000, 11000, Meal), new("감자튀김", 4000, 5500, Side), new("양송이 수프", 3000, 4000, Meal),
            new("레몬에이드", 5000, 6000, Drink), new("아메리카노", 3000, 4000, Drink), new("티라미수", 6000, 7000, Dessert),
            new("필라프", 9000, 11000, Meal),
        ],
        [H(11), H(11, 30)], [H(21), H(21, 30), H(22)], BreakChance: 0.5, OvernightChance: 0.0, ClosedDayChance: 0.5, DeliveryChance: 0.2),

        new(FoodCategory.Chicken, 0.08, ["치킨", "통닭", "닭강정"],
        [
            new("후라이드치킨", 18000, 21000, Meal), new("양념치킨", 19000, 22000, Meal), new("간장치킨", 19000, 22000, Meal),
            new("순살치킨", 20000, 23000, Meal), new("반반치킨", 19000, 22000, Meal), new("치킨버거", 5000, 6500, Meal),
            new("치킨마요덮밥", 6000, 7500, Meal), new("닭강정 컵", 4000, 6000, Meal), new("감자튀김", 3000, 4500, Side),
            new("치즈볼", 3000, 4500, Side), new("콜라 1.25L", 2500, 3000, Drink), new("양념소스", 500, 500, Side),
        ],
        [H(12), H(15), H(16)], [H(23), H(24), H(24)], BreakChance: 0.0, OvernightChance: 0.15, ClosedDayChance: 0.25, DeliveryChance: 0.9),

        new(FoodCategory.Pizza, 0.04, ["피자"],
        [
            new("페퍼로니 피자", 15000, 20000, Meal), new("치즈피자", 13000, 18000, Meal), new("불고기피자", 17000, 22000, Meal),
            new("포테이토피자", 17000, 22000, Meal), new("1인 피자", 6000, 8000, Meal), new("스파게티", 7000, 9000, Meal),
            new("치즈오븐스파게티", 8000, 10000, Meal), new("콘샐러드", 3000, 4000, Side), new("치즈스틱", 3000, 4500, Side),
            new("콜라 1.25L", 2500, 3000, Drink), new("갈릭소스", 500, 500, Side), new("피클", 500, 500, Side),
        ],
        [H(11), H(11, 30), H(12)], [H(22), H(23)], BreakChance: 0.0, OvernightChance: 0.05, ClosedDayChance: 0.15, DeliveryChance: 0.9),

        new(FoodCategory.Burger, 0.04, ["버거", "수제버거"],
        [
            new("불고기버거", 4500, 6000, Meal), new("치즈버거", 5000, 6500, Meal), new("새우버거", 5000, 6500, Meal),
            new("치킨버거", 5000, 7000, Meal), new("더블버거", 7000, 9000, Meal), new("버거세트", 7000, 9500, Meal),
            new("감자튀김", 2000, 3000, Side), new("치즈스틱", 2000, 3000, Side), new("콜라", 2000, 2500, Drink),
            new("사이다", 2000, 2500, Drink), new("소프트 아이스크림", 1000, 2000, Dessert), new("너겟", 2500, 3500, Side),
        ],
        [H(10), H(10, 30), H(11)], [H(22), H(23), H(24)], BreakChance: 0.0, OvernightChance: 0.03, ClosedDayChance: 0.05, DeliveryChance: 0.7),

        new(FoodCategory.CafeDessert, 0.08, ["카페", "커피", "디저트", "빙수"],
        [
            new("햄치즈 샌드위치", 5000, 7000, Meal), new("에그 샌드위치", 4500, 6500, Meal), new("베이글", 3000, 4500, Meal),
            new("아메리카노", 3000, 4500, Drink), new("카페라떼", 3500, 5000, Drink), new("바닐라라떼", 4000, 5500, Drink),
            new("딸기스무디", 5000, 6000, Drink), new("레몬에이드", 4500, 5500, Drink), new("초코라떼", 4000, 5500, Drink),
            new("녹차라떼", 4000, 5500, Drink), new("아이스티", 3000, 4000, Drink), new("치즈케이크", 5000, 6500, Dessert),
            new("티라미수", 5500, 7000, Dessert), new("마카롱", 2500, 3000, Dessert), new("크로플", 4000, 5500, Dessert),
            new("팥빙수", 7000, 9500, Dessert),
        ],
        [H(8), H(9), H(10)], [H(21), H(22), H(22)], BreakChance: 0.0, OvernightChance: 0.0, ClosedDayChance: 0.15, DeliveryChance: 0.3),

        new(FoodCategory.Bakery, 0.04, ["베이커리", "빵집", "제과"],
        [
            new("소금빵", 2500, 3500, Meal), new("크루아상", 3000, 4000, Meal), new("단팥빵", 1500, 2500, Meal),
            new("우유식빵", 3500, 5000, Meal), new("샌드위치", 4500, 6500, Meal), new("고로케", 1500, 2500, Meal),
            new("피자빵", 2500, 3500, Meal), new("베이글", 3000, 4000, Meal), new("마늘바게트", 3000, 4500, Meal),
            new("조각케이크", 4500, 6000, Dessert), new("에그타르트", 2000, 3000, Dessert), new("우유", 1500, 2500, Drink),
            new("아메리카노", 2500, 3500, Drink),
        ],
        [H(7), H(7, 30), H(8)], [H(21), H(22), H(22)], BreakChance: 0.0, OvernightChance: 0.0, ClosedDayChance: 0.1, DeliveryChance: 0.1),

        new(FoodCategory.Asian, 0.02, ["쌀국수", "타이", "커리", "포"],
        [
            new("쌀국수", 8500, 11000, Meal), new("분짜", 10000, 13000, Meal), new("팟타이", 10000, 13000, Meal),
            new("나시고랭", 10000, 12000, Meal), new("카오팟", 9000, 11000, Meal), new("그린커리", 11000, 14000, Meal),
            new("반미", 6000, 8000, Meal), new("월남쌈", 12000, 15000, Meal), new("짜조", 5000, 7000, Meal),
            new("똠얌꿍", 12000, 15000, Meal), new("망고주스", 4000, 5000, Drink), new("타이 밀크티", 4000, 5000, Drink),
        ],
        LunchOpen, DinnerClose, BreakChance: 0.4, OvernightChance: 0.0, ClosedDayChance: 0.3, DeliveryChance: 0.3),

        new(FoodCategory.LunchboxPorridge, 0.04, ["도시락", "죽", "밥도시락", "죽집"],
        [
            new("치킨마요 도시락", 4000, 5500, Meal), new("제육 도시락", 5000, 6500, Meal), new("불고기 도시락", 5500, 7000, Meal),
            new("돈까스 도시락", 5500, 7000, Meal), new("참치마요 컵밥", 3500, 4500, Meal), new("전복죽", 10000, 13000, Meal),
            new("야채죽", 8000, 9500, Meal), new("소고기죽", 9000, 11000, Meal), new("단호박죽", 8000, 9500, Meal),
            new("김치볶음밥 도시락", 5000, 6000, Meal), new("미역국", 2000, 3000, Meal), new("음료", 1000, 1500, Drink),
        ],
        [H(9), H(10), H(10, 30)], [H(20), H(21)], BreakChance: 0.05, OvernightChance: 0.0, ClosedDayChance: 0.3, DeliveryChance: 0.5),

        new(FoodCategory.ConvenienceStore, 0.06, ["나비24", "하루마트24", "데일리24", "우리편의점", "해피스토어"],
        [
            new("삼각김밥", 1200, 1800, Meal, 100), new("도시락", 4000, 5500, Meal, 100), new("샌드위치", 2500, 3500, Meal, 100),
            new("컵라면", 1200, 2000, Meal, 100), new("김밥", 2500, 3500, Meal, 100), new("햄버거", 2500, 3500, Meal, 100),
            new("핫도그", 2000, 3000, Meal, 100), new("컵떡볶이", 2500, 3500, Meal, 100), new("주먹밥", 1500, 2000, Meal, 100),
            new("바나나우유", 1500, 1700, Drink, 100), new("생수", 700, 1200, Drink, 100), new("콜라", 1500, 2300, Drink, 100),
            new("아이스크림", 1000, 2500, Dessert, 100), new("요구르트", 800, 1200, Drink, 100),
        ],
        [H(7)], [H(24)], BreakChance: 0.0, OvernightChance: 0.0, ClosedDayChance: 0.0, DeliveryChance: 0.05),
    ];

    /// <summary>Bar-like shops (about 1 %, never a convenience store): not for children.</summary>
    public static readonly CategoryProfile Bar = new(FoodCategory.Other, 0, ["호프", "포차", "맥주", "와인바", "주점", "이자카야"],
    [
        new("후라이드치킨", 18000, 21000, Meal), new("골뱅이무침", 15000, 19000, Meal), new("김치전", 12000, 15000, Meal),
        new("오뎅탕", 14000, 17000, Meal), new("감자튀김", 6000, 8000, Side), new("생맥주 500cc", 4000, 5000, Alcohol),
        new("소주", 5000, 5000, Alcohol), new("하이볼", 7000, 9000, Alcohol), new("콜라", 2000, 2000, Drink),
    ],
    [H(17), H(18)], [H(26), H(27)], BreakChance: 0, OvernightChance: 0, ClosedDayChance: 0.2, DeliveryChance: 0.1);

    /// <summary>Brand-ish first words. None of them is bar-like, and none contains a category keyword.</summary>
    public static readonly string[] BrandWords =
    [
        "행복한", "맛있는", "엄마손", "할매", "청춘", "우리동네", "오늘의", "꼬마", "황금", "진짜", "원조", "소문난", "착한",
        "든든", "한입", "나비", "별빛", "해님", "봄날", "초록", "온기", "하루", "달콤", "이웃", "푸른", "동네", "사계절",
        "두리", "새봄", "미소", "정성", "바른손", "고향", "옛날", "시골", "큰집", "작은", "오복", "복덩이", "맛나",
    ];

    public static readonly string[] OwnerMessages =
    [
        "급식카드 사용 가능해요. 편하게 오세요!",
        "학생들은 공기밥 추가가 무료예요.",
        "아이들 메뉴는 덜 맵게 만들어 드려요.",
        "반찬은 셀프 리필입니다.",
        "급식카드로 결제하면 음료 하나 서비스!",
        "포장 주문도 환영합니다.",
        "매일 아침 새로 만들어요.",
        "혼자 와도 편하게 먹고 갈 수 있어요.",
    ];
}
