using System.Text.RegularExpressions;
using Vigie.Errors;

namespace Vigie.Queue;

/// <summary>
/// Where the queue is and what it is called. From the name N come the JetStream stream N (subjects
/// <c>N.docs.LANG</c>, work-queue retention: a message leaves the stream when a worker acknowledges it),
/// the stream N_dead (subjects <c>N.dead.LANG</c>: documents that failed extraction, with the error)
/// and the durable consumer N_workers that every worker shares.
/// </summary>
public sealed partial record QueueSettings
{
    public const string DefaultName = "vigie";

    public required string Url { get; init; }
    public string Name { get; init; } = DefaultName;
    /// <summary>How long the stream remembers message ids (content hashes) to drop re-sends.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromDays(1);
    /// <summary>How long a publish is retried while the server cannot be reached before it fails with VIG-Q001.</summary>
    public TimeSpan PublishRetry { get; init; } = TimeSpan.FromMinutes(2);

    public string Stream => Name;
    public string DeadStream => Name + "_dead";
    public string Durable => Name + "_workers";
    public string AllDocuments => Name + ".docs.>";
    public string SubjectFor(string? language) => $"{Name}.docs.{Token(language)}";
    public string DeadSubjectFor(string? language) => $"{Name}.dead.{Token(language)}";

    private static string Token(string? language) =>
        string.IsNullOrEmpty(language) || !LanguageToken().IsMatch(language) ? "und" : language;

    /// <summary>Checks a queue address (<c>nats://host:port</c>) and name; the message says what is wrong, null when both are fine.</summary>
    public static string? Problem(string url, string name)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("nats" or "tls") || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath.Length > 1)
            return $"'{url}' is not a queue address: write nats://HOST:PORT (e.g. nats://127.0.0.1:4222)";
        if (!NameToken().IsMatch(name))
            return $"'{name}' is not a queue name: use letters, digits, '-' and '_' (at most 64)";
        return null;
    }

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageToken();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NameToken();
}

/// <summary>The queue cannot be used (server unreachable, JetStream off, a publish never acknowledged); the message is <see cref="ErrorCatalogue.QueueFailed"/>'s.</summary>
public sealed class QueueException(string detail, Exception? inner = null) : Exception(ErrorCatalogue.QueueFailed.Message(detail), inner);
