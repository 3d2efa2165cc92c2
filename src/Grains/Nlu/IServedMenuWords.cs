namespace Naviyam.Nlu;

/// <summary>Whether any served menu names a word: how the NLU tells a dish no lexicon lists from a word that is none.</summary>
public interface IServedMenuWords
{
    /// <summary>True when a served shop's menu item, or the shop's own name, names the word.</summary>
    bool Serves(string word);
}
