namespace Naviyam.Lexicons;

/// <summary>
/// The words of what the meal card never pays for and the product never helps to find — alcohol, tobacco and adult
/// venues — with their false friends, from <c>data/lexicons/refusals.json</c>. Only vocabulary lives here; the grammar
/// that decides whether a message asks for one (negation, requests, someone else's drinking) is
/// <see cref="Conversation.Refusals"/>'s.
/// </summary>
public sealed class RefusalLexicon
{
    public const int FileVersion = 1;

    private RefusalLexicon(IReadOnlyList<RefusalTopicWords> topics, string[] falseFriends, string[] thirdParties)
    {
        Topics = topics;
        FalseFriends = falseFriends;
        ThirdParties = thirdParties;
    }

    public IReadOnlyList<RefusalTopicWords> Topics { get; }

    /// <summary>Longer words that contain a topic word but are food or ordinary words (술빵, 미술, 클럽샌드위치), longest first.</summary>
    public IReadOnlyList<string> FalseFriends { get; }

    /// <summary>People whose drinking a child may tell about ("아빠가 술 마셔서 …"): not a request.</summary>
    public IReadOnlyList<string> ThirdParties { get; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static RefusalLexicon Load(string path)
    {
        var file = DataFile.Read<RefusalsFile>(path, FileVersion);
        var entries = DataFile.Required(path, "topics", file.Topics);
        var topics = new List<RefusalTopicWords>();
        foreach (var (entry, index) in entries.Select((entry, index) => (entry, index)))
        {
            var name = $"topics[{index}]";
            if (entry is null)
            {
                throw DataFile.Invalid(path, name, "is null");
            }
            if (!Enum.TryParse<RefusalTopic>(entry.Topic, ignoreCase: true, out var topic) || !Enum.IsDefined(topic))
            {
                throw DataFile.Invalid(path, $"{name}.topic", $"is '{entry.Topic}'; it must be one of {string.Join(", ", Enum.GetNames<RefusalTopic>())}");
            }
            if (topics.Exists(t => t.Topic == topic))
            {
                throw DataFile.Invalid(path, $"{name}.topic", $"repeats '{entry.Topic}'");
            }
            var words = DataFile.LowerCaseWords(path, $"{name}.words", entry.Words);
            var asked = DataFile.LowerCaseWords(path, $"{name}.askedWords", entry.AskedWords, allowEmpty: true);
            topics.Add(new RefusalTopicWords(topic, words, asked));
        }
        var missing = Enum.GetValues<RefusalTopic>().Where(t => !topics.Exists(w => w.Topic == t)).ToList();
        if (missing.Count > 0)
        {
            throw DataFile.Invalid(path, "topics", $"lacks {string.Join(", ", missing)}");
        }
        var falseFriends = DataFile.LowerCaseWords(path, "falseFriends", file.FalseFriends);
        return new RefusalLexicon(
            topics,
            [.. falseFriends.OrderByDescending(word => word.Length)],
            DataFile.Words(path, "thirdParties", file.ThirdParties));
    }

    private sealed record RefusalsFile : CommentedFile
    {
        public TopicEntry?[]? Topics { get; init; }
        public string[]? FalseFriends { get; init; }
        public string[]? ThirdParties { get; init; }
    }

    private sealed record TopicEntry
    {
        public string? Topic { get; init; }
        public string[]? Words { get; init; }
        public string[]? AskedWords { get; init; }
    }
}

/// <summary>What a request is refused for.</summary>
public enum RefusalTopic
{
    Alcohol,
    Tobacco,
    /// <summary>Bars, pubs, clubs, motels and the like.</summary>
    Adult,
}

/// <param name="Words">Refused wherever they stand.</param>
/// <param name="AskedWords">Refused only when a request follows them (클럽 가자, 룸 추천), since they also name ordinary things.</param>
public sealed record RefusalTopicWords(RefusalTopic Topic, IReadOnlyList<string> Words, IReadOnlyList<string> AskedWords);
