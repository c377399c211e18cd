using System.Security.Cryptography;
using System.Text;

namespace Vigie.Model;

/// <summary>Where a document came from, for messages that name the file and line.</summary>
public readonly record struct Origin(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>
/// A dated news text. The document owns its text; pipeline components add layers of
/// annotations (see <see cref="Layers"/>) whose spans are UTF-16 offsets into <see cref="Text"/>.
/// </summary>
public sealed class Document
{
    public Document(string id, string text)
    {
        Id = id;
        Text = text;
    }

    public string Id { get; set; }
    public string Text { get; }
    /// <summary>Publication date as the input gave it (null when unknown).</summary>
    public PartialDate? Published { get; set; }
    public string? Language { get; set; }
    public string? Url { get; set; }
    public string? Title { get; set; }
    /// <summary>The outlet that published the text (AFP, Reuters…), when the input says.</summary>
    public string? SourceOutlet { get; set; }
    public Origin Origin { get; set; }

    private string? _hash;

    /// <summary>SHA-256 of the text with whitespace runs collapsed, so that re-flowed copies are the same document.</summary>
    public string ContentHash => _hash ??= ComputeContentHash(Text);

    public AnnotationLayers Layers { get; } = new();

    /// <summary>
    /// A copy of this document's values (its content hash too) without its annotation layers: what a store keeps of a
    /// document once its record is made, so that the tokens, sentences and mentions of the extraction die young while
    /// the document waits to be written.
    /// </summary>
    public Document WithoutLayers() => new(Id, Text)
    {
        Published = Published, Language = Language, Url = Url, Title = Title, SourceOutlet = SourceOutlet, Origin = Origin,
        _hash = _hash,
    };

    public static string ComputeContentHash(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
