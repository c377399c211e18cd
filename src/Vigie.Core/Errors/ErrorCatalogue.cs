using System.Globalization;
using System.Reflection;

namespace Vigie.Errors;

/// <summary>The exit code of a command that meets an error (docs/CLI.md).</summary>
public enum ExitCode
{
    /// <summary>A warning: the command goes on and ends well.</summary>
    Ok = 0,
    /// <summary>The input named in the message is rejected; the others are read.</summary>
    SomeRejected = 1,
    /// <summary>The command line is wrong.</summary>
    Usage = 2,
    /// <summary>The command could not run.</summary>
    Failure = 3,
}

/// <summary>
/// One numbered message: its code (searchable in docs/ERRORS.md), the template of its text (a composite format
/// string whose holes the site fills; for reader problems, which the site words after the code, what the code
/// means), the exit code of a command that meets it, and what the user should do.
/// </summary>
public sealed record ErrorEntry(string Code, ExitCode Exit, string Template, string Remedy)
{
    /// <summary>The whole message: "VIG-XXXX: " and the template filled with <paramref name="args"/>.</summary>
    public string Message(params object?[] args) => $"{Code}: {string.Format(CultureInfo.InvariantCulture, Template, args)}";

    public bool IsWarning => Exit == ExitCode.Ok;
}

/// <summary>
/// Every message with a VIG code, in one place: the sites that report one use its entry here, and
/// docs/ERRORS.md is generated from this class (<c>vigie help-doc --errors</c>). Codes by family: D data folders,
/// G gazetteer, P pipeline, Q document queue, R inputs (readers), S store, W web server. A code is never reused for another meaning.
/// </summary>
public static class ErrorCatalogue
{
    // D: the program's own data

    public static readonly ErrorEntry DataMissing = new("VIG-D001", ExitCode.Failure,
        "{0} not found; set VIGIE_HOME to the Vigie folder",
        "Set VIGIE_HOME to the Vigie folder (the one holding lang/ and data/), or run the program from inside it.");

    // G: gazetteer

    public static readonly ErrorEntry NameKeyRulesMissing = new("VIG-G001", ExitCode.Failure,
        "name-key rules not found: {0}",
        "Restore data/gazetteer/name-key.tsv from the Vigie sources, or set VIGIE_HOME to a complete Vigie folder.");

    public static readonly ErrorEntry GazetteerTooLarge = new("VIG-G002", ExitCode.Failure,
        "gazetteer string pool over 2 GB",
        "Import fewer names: leave out alternateNamesV2, or import a country file instead of allCountries.");

    public static readonly ErrorEntry GazetteerDamaged = new("VIG-G003", ExitCode.Failure,
        "{0} is not a usable Vigie gazetteer index ({1}); compile or import it again",
        "Delete the index under .vigie/gazetteer/ and run the command again (cities500 is compiled anew), or run `vigie gazetteer import` again.");

    // P: pipeline (the program's own components; a user meets these only with a broken build or extension)

    public static readonly ErrorEntry PipelineOrder = new("VIG-P001", ExitCode.Failure,
        "component '{0}' requires layer {1}, which no earlier component assigns",
        "Put the component that assigns the layer before the one that requires it.");

    public static readonly ErrorEntry PipelineReadsLater = new("VIG-P002", ExitCode.Failure,
        "component '{0}' may read layer {1}, which only a later component ('{2}') assigns",
        "Put the component that assigns the layer first, or stop reading it.");

    public static readonly ErrorEntry UndeclaredLayer = new("VIG-P003", ExitCode.Failure,
        "component '{0}' {1} layer {2}, which it does not declare in {3}",
        "Declare the layer in the component's Requires, MayRead or Assigns, or stop using it.");

    // Q: the document queue

    public static readonly ErrorEntry QueueFailed = new("VIG-Q001", ExitCode.Failure,
        "the document queue failed: {0}",
        "Check that nats-server runs with JetStream (-js) at the address given (scripts/services start), and that it can be reached.");

    // R: inputs. The site words the message (what it saw, where); the entry says what the code means.

    public static readonly ErrorEntry Unreadable = new("VIG-R001", ExitCode.SomeRejected,
        "cannot read the path: missing, permission denied, dangling or looping symbolic link",
        "Check the path and its permissions.");

    public static readonly ErrorEntry TooLarge = new("VIG-R002", ExitCode.SomeRejected,
        "file or line larger than the limit",
        "Split the file.");

    public static readonly ErrorEntry Empty = new("VIG-R003", ExitCode.SomeRejected,
        "empty file, white space only, or no document found",
        "Nothing to do if the file is meant to be empty; else check that it is the right file.");

    public static readonly ErrorEntry Binary = new("VIG-R004", ExitCode.SomeRejected,
        "binary data (a NUL byte), not text",
        "Give text files only.");

    public static readonly ErrorEntry Encoding = new("VIG-R005", ExitCode.SomeRejected,
        "not UTF-8 (an invalid byte; UTF-16 with or without a byte-order mark)",
        "Convert the file to UTF-8: `iconv -f latin1 -t utf-8`, `iconv -f utf-16le -t utf-8`.");

    public static readonly ErrorEntry Json = new("VIG-R006", ExitCode.SomeRejected,
        "not valid JSON, or not an object",
        "Fix the line: one JSON object per line.");

    public static readonly ErrorEntry NoText = new("VIG-R007", ExitCode.SomeRejected,
        "no `text`, or an empty one",
        "Give each document its text.");

    public static readonly ErrorEntry BadDate = new("VIG-R008", ExitCode.SomeRejected,
        "a date that is not a calendar date",
        "Write dates as YYYY, YYYY-MM or YYYY-MM-DD.");

    public static readonly ErrorEntry Csv = new("VIG-R009", ExitCode.SomeRejected,
        "CSV: no `text` column in the header, broken quoting, or too few fields",
        "Name a `text` column in the header; double the quotes inside quoted fields (\"\").");

    public static readonly ErrorEntry NoArticle = new("VIG-R010", ExitCode.SomeRejected,
        "an HTML page where no article text is found",
        "Give the page of the article itself, or its text.");

    public static readonly ErrorEntry Feed = new("VIG-R011", ExitCode.SomeRejected,
        "feed: XML not well formed, a DTD, or not RSS/Atom; with `vigie watch`, also a feed address that cannot be read (HTTP status, timeout, size limit, redirect loop)",
        "Give an RSS or Atom feed without a DTD; check the feed's address.");

    public static readonly ErrorEntry Format = new("VIG-R012", ExitCode.SomeRejected,
        "unknown `--input-format`, or text before the first seed prefix line",
        "Use one of the formats of `vigie extract --help`; start a seed file with its ' date YYYY-MM ' line.");

    public static readonly ErrorEntry NoDate = new("VIG-R013", ExitCode.Ok,
        "warning: no publication date; the document is kept with an unknown date",
        "Give the date with --date, or in the input.");

    public static readonly ErrorEntry Skipped = new("VIG-R014", ExitCode.Ok,
        "warning: files skipped in a folder (unknown extension)",
        "Use --input-format to read them anyway.");

    public static readonly ErrorEntry Field = new("VIG-R015", ExitCode.SomeRejected,
        "a JSON field of the wrong type",
        "Give the field as docs/FORMAT.md describes it.");

    public static readonly ErrorEntry Split = new("VIG-R016", ExitCode.Ok,
        "warning: a text over --max-document-size, split into parts ID.partN",
        "Raise the limit, or split the text yourself.");

    public static readonly ErrorEntry Dispatches = new("VIG-R017", ExitCode.Ok,
        "warning: several dispatches in one .txt file, read as documents NAME#LINE",
        "Nothing, if the file holds several dispatches; else remove the extra dateline.");

    public static readonly ErrorEntry NoInputs = new("VIG-R018", ExitCode.SomeRejected,
        "no input files found in a folder",
        "Check the path; --input-format reads files of unknown extensions.");

    public static readonly ErrorEntry OtherVersion = new("VIG-R019", ExitCode.Ok,
        "warning (ingest): an id already stored with another text; the new text is stored as another version",
        "Give each version its own id if they are different articles.");

    public static readonly ErrorEntry PageUnread = new("VIG-R020", ExitCode.Ok,
        "warning (watch): a feed item with only a summary whose linked page could not be read (HTTP error, no article); the summary is stored",
        "Nothing to do unless the page should be readable; the item is kept with its summary.");

    public static readonly ErrorEntry FeedList = new("VIG-R021", ExitCode.SomeRejected,
        "watch: a line of the --feeds list that is not an http(s) address",
        "Fix the line, or comment it out with #.");

    public static readonly ErrorEntry Internal = new("VIG-R099", ExitCode.SomeRejected,
        "a reader failed unexpectedly (a bug)",
        "Report it with the file that caused it.");

    // S: the store

    public static readonly ErrorEntry NoDatabase = new("VIG-S001", ExitCode.Failure,
        "no Vigie database at {0} (run `vigie ingest PATH`, `vigie demo` or `vigie migrate` first, or give --db)",
        "Create the database with `vigie ingest PATH`, `vigie demo` or `vigie migrate`, or name an existing one with --db.");

    public static readonly ErrorEntry NewerSchema = new("VIG-S002", ExitCode.Failure,
        "the database is at schema version {0} but this program knows only up to {1}; use a newer vigie",
        "Use the version of vigie that wrote the database, or a newer one.");

    public static readonly ErrorEntry NotADatabase = new("VIG-S003", ExitCode.Failure,
        "{0} is not a usable Vigie database: {1}",
        "Check that --db names a Vigie database (a SQLite file written by vigie) that you may read and write.");

    public static readonly ErrorEntry OtherSchemaReadOnly = new("VIG-S004", ExitCode.Failure,
        "{0} is at schema version {1}, this program reads version {2}; {3}",
        "Run `vigie ingest` once to upgrade an older database; use a newer vigie for a newer one.");

    public static readonly ErrorEntry ExtractionCannotStart = new("VIG-S005", ExitCode.Failure,
        "the extraction cannot start ({0}): {1}",
        "Fix the language pack named in the message (docs/LEXICONS.md); nothing was stored.");

    public static readonly ErrorEntry DatabaseFailed = new("VIG-S006", ExitCode.Failure,
        "cannot use the {0}: {1}",
        "Check that the PostgreSQL server named by --db runs and can be reached, and that the user may log in; the message names the address without its password.");

    public static readonly ErrorEntry NotAServerAddress = new("VIG-S007", ExitCode.Failure,
        "not a PostgreSQL address: use postgres://user:password@host:port/database or Host=…;Database=… ({0})",
        "Write --db as a postgres:// URL or an Npgsql connection string, or as the path of an SQLite file.");

    public static readonly ErrorEntry CopyTargetNotEmpty = new("VIG-S008", ExitCode.Failure,
        "{0} already holds documents; migrate copies into an empty database only",
        "Give `vigie migrate` an empty database to copy into.");

    public static readonly ErrorEntry CopyFailed = new("VIG-S009", ExitCode.Failure,
        "migrate stopped: {0}",
        "Look at the document or the difference the message names; the copy is kept for inspection.");

    public static readonly ErrorEntry NoDatabaseFolder = new("VIG-S010", ExitCode.Failure,
        "the folder of the database does not exist: {0}",
        "Create the folder first, or give --db a path in an existing folder.");

    // W: the web server

    public static readonly ErrorEntry BadAddress = new("VIG-W002", ExitCode.Usage,
        "'{0}' is not an address to listen on ({1})",
        "Give --urls as scheme://host:port (e.g. http://127.0.0.1:8080), several separated by ';'.");

    public static readonly ErrorEntry RemoteAddress = new("VIG-W003", ExitCode.Usage,
        "'{0}' is not a loopback address; Vigie serves only this machine unless you add --allow-remote (the API has no authentication)",
        "Listen on 127.0.0.1 or localhost, or add --allow-remote and protect the server yourself.");

    /// <summary>Every entry, in code order.</summary>
    public static IReadOnlyList<ErrorEntry> All { get; } = typeof(ErrorCatalogue)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ErrorEntry))
        .Select(f => (ErrorEntry)f.GetValue(null)!)
        .OrderBy(e => e.Code, StringComparer.Ordinal)
        .ToList();

    /// <summary>The entry of <paramref name="code"/>, or null.</summary>
    public static ErrorEntry? Find(string code) => All.FirstOrDefault(e => e.Code == code);

    /// <summary>The entry whose code opens <paramref name="message"/> ("VIG-S001: …"), or null.</summary>
    public static ErrorEntry? Of(string message) =>
        message.Length >= 8 && message.StartsWith("VIG-", StringComparison.Ordinal) ? Find(message[..8]) : null;
}
