namespace Naviyam.Places;

/// <summary>The levels of Korean administrative geography a place can be named at.</summary>
public enum AreaLevel
{
    /// <summary>시·도: 서울특별시, 경기도, 제주특별자치도.</summary>
    Sido = 0,

    /// <summary>시·군·구: 은평구, 수원시 팔달구, 서귀포시 (and a city of several 구, 수원시).</summary>
    Sigungu = 1,

    /// <summary>읍·면·동, administrative or legal, and the 가 of a legal 동: 애월읍, 신월1동, 종로1가.</summary>
    Eupmyeondong = 2,

    /// <summary>리, the legal village of a 읍 or 면: 애월읍 고성리.</summary>
    Ri = 3,
}
