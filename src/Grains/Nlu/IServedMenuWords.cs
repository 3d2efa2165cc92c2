namespace Naviyam.Nlu;

/// <summary>Whether any served menu names a word: how the NLU tells a dish no lexicon lists from a word that is none.</summary>
public interface IServedMenuWords
{
    /// <summary>True when a menu item of a served shop has the word in its name.</summary>
    bool Serves(string word);
}
