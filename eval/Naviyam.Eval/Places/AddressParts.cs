namespace Naviyam.Eval.Places;

/// <summary>
/// The places an address names: 시도, 시군구, the 읍면동 (usually the legal one) and the 리. Lot addresses carry the 동
/// right after the 시군구 ("제주시 연동 1964-3", "서귀포시 성산읍 고성리 1745-2"); road addresses carry it in brackets
/// at the end ("대림로22길 33 （대림동）"), or not at all (then <see cref="Emd"/> is null).
/// </summary>
public sealed record AddressParts(string? Sido, string? Sigungu, DongName? Emd, DongName? Ri)
{
    public static readonly AddressParts Empty = new(null, null, null, null);

    private static readonly char[] Brackets = ['(', ')', '（', '）', '[', ']'];

    public static AddressParts Parse(string? address, Gazetteer gazetteer, string? defaultSido = null)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return Empty;
        }
        var bracketStart = address.IndexOfAny(['(', '（']);
        var main = bracketStart >= 0 ? address[..bracketStart] : address;
        var words = main.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);

        var index = 0;
        string? sido = null;
        if (words.Length > 0 && SidoNames.TryShort(words[0]) is { } first)
        {
            sido = first;
            index = 1;
        }
        var effectiveSido = sido ?? defaultSido;

        string? sigungu = null;
        if (effectiveSido is not null && index < words.Length && gazetteer.IsSigungu(effectiveSido, words[index]))
        {
            sigungu = words[index];
            index++;
            // "수원시 장안구": a city with districts.
            if (index < words.Length && gazetteer.IsSigungu(effectiveSido, $"{sigungu} {words[index]}"))
            {
                sigungu = $"{sigungu} {words[index]}";
                index++;
            }
        }

        DongName? emd = null, ri = null;
        if (index < words.Length && DongName.Parse(words[index]) is { Level: not AreaLevel.Ri } lotEmd)
        {
            emd = lotEmd;
            index++;
            if (emd.Level == AreaLevel.EupMyeon && index < words.Length && DongName.Parse(words[index]) is { Level: AreaLevel.Ri } lotRi)
            {
                ri = lotRi;
            }
        }
        else if (bracketStart >= 0)
        {
            var inside = address[(bracketStart + 1)..].Split(Brackets, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            emd = inside.Split([',', ' ', '.'], StringSplitOptions.RemoveEmptyEntries)
                .Select(DongName.Parse)
                .FirstOrDefault(name => name is { Level: AreaLevel.Dong });
        }

        return new AddressParts(sido, sigungu, emd, ri);
    }
}
