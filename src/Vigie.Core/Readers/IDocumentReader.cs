using Vigie.Model;

namespace Vigie.Readers;

public enum ProblemSeverity { Warning, Error }

/// <summary>A problem with an input: the file and line, and what is wrong. Errors reject the input; warnings keep it.</summary>
public sealed record InputProblem(Origin Origin, ProblemSeverity Severity, string Message)
{
    public override string ToString() => $"{Origin}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>One item read from an input: a document, a problem, or both (a document kept with a warning).</summary>
public sealed record ReadItem(Document? Document, InputProblem? Problem)
{
    public static ReadItem Ok(Document d) => new(d, null);
    public static ReadItem Warn(Document d, InputProblem p) => new(d, p);
    public static ReadItem Reject(Origin o, string message) => new(null, new InputProblem(o, ProblemSeverity.Error, message));
    /// <summary>A warning that concerns no document (e.g. files skipped while walking a directory).</summary>
    public static ReadItem Note(Origin o, string message) => new(null, new InputProblem(o, ProblemSeverity.Warning, message));

    /// <summary>True when the item rejects an input (an error, no document).</summary>
    public bool IsRejection => Document == null && Problem is { Severity: ProblemSeverity.Error };
}

public sealed class ReaderOptions
{
    /// <summary>Publication date given on the command line (--date), for formats that carry none.</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Format forced by --input-format (seed, txt, jsonl, json, csv, html, feed); null = by extension/content.</summary>
    public string? Format { get; init; }
    /// <summary>
    /// Largest file read (bytes); larger inputs are rejected with a message. Line formats (JSONL,
    /// seed, CSV) are streamed, so this bounds disk files, not memory; whole-document formats
    /// (txt, json, html, feeds) hold one file in memory.
    /// </summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>
    /// Longest text of one document (UTF-16 characters, --max-document-size); a longer one is split at
    /// paragraph ends into parts of at most this size (<see cref="DocumentSplitter"/>). 0 = no limit.
    /// </summary>
    public int MaxDocumentChars { get; init; } = DefaultMaxDocumentChars;

    /// <summary>2 MB of text (2,097,152 characters).</summary>
    public const int DefaultMaxDocumentChars = 2 * 1024 * 1024;
}

/// <summary>Reads one input format into documents. Never throws for bad input: problems are items.</summary>
public interface IDocumentReader
{
    string Format { get; }
    IEnumerable<ReadItem> Read(string path, Stream stream, ReaderOptions options);
}

/// <summary>
/// Thrown inside a reader for a problem that ends the reading of a file (invalid UTF-8 in a
/// streamed file, a file over the size limit…); the dispatcher turns it into an <see cref="InputProblem"/>.
/// </summary>
public sealed class InputException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
