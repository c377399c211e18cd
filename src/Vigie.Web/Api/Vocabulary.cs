using Vigie.Export;
using Vigie.Model;

namespace Vigie.Web.Api;

/// <summary>A code the API returns (snake_case, as in the JSONL format) and the words the map shows for it.</summary>
public sealed record Term(string Code, string Label);

/// <summary>An ACLED sub-event type: its code, its words and the event type it belongs to.</summary>
public sealed record SubtypeTerm(string Code, string Label, EventType Type);

/// <summary>The words for every code of the event vocabulary, in the order of the model's enums.</summary>
public sealed record VocabularyView(
    IReadOnlyList<Term> EventTypes,
    IReadOnlyList<SubtypeTerm> EventSubtypes,
    IReadOnlyList<Term> ActorKinds,
    IReadOnlyList<Term> Modalities);

/// <summary>
/// GET /api/vocabulary: the labels of the map come from Core, not from a copy in the page. Event types and
/// subtypes take ACLED's wording from <see cref="AcledVocabulary"/> (the one the exports and the command line use);
/// actor kinds and modalities, which have no codebook wording there, are their enum names in words.
/// </summary>
public static class Vocabulary
{
    public static VocabularyView Current { get; } = Build();

    private static VocabularyView Build() => new(
        [.. Enum.GetValues<EventType>().Select(t => new Term(QueryParser.Name(t), AcledVocabulary.EventType(t)))],
        [.. Enum.GetValues<EventSubtype>().Select(s => new SubtypeTerm(QueryParser.Name(s), AcledVocabulary.SubEventType(s), Taxonomy.TypeOf(s)))],
        [.. Enum.GetValues<ActorKind>().Select(k => new Term(QueryParser.Name(k), Words(QueryParser.Name(k))))],
        [.. Enum.GetValues<Modality>().Select(m => new Term(QueryParser.Name(m), Words(QueryParser.Name(m))))]);

    /// <summary>"state_forces" → "State forces".</summary>
    public static string Words(string code)
    {
        var s = code.Replace('_', ' ');
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }
}
