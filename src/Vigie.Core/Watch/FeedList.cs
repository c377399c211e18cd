using Vigie.Errors;
using Vigie.Model;
using Vigie.Readers;

namespace Vigie.Watch;

/// <summary>
/// A list of feeds: one http(s) address a line; blank lines and lines starting with '#' are ignored,
/// as is anything after " #" on a line. A line that is not an http(s) address is a problem naming
/// the file and line (VIG-R021); the same address twice is read once.
/// </summary>
public static class FeedList
{
    public static (IReadOnlyList<Uri> Feeds, IReadOnlyList<InputProblem> Problems) Parse(string file, IEnumerable<string> lines)
    {
        var feeds = new List<Uri>();
        var problems = new List<InputProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw;
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!Uri.TryCreate(line, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            {
                problems.Add(new InputProblem(new Origin(file, n), ProblemSeverity.Error,
                    $"{ErrorCatalogue.FeedList.Code} not an http(s) address: '{DocumentFields.Shorten(line)}'"));
                continue;
            }
            if (seen.Add(uri.AbsoluteUri)) feeds.Add(uri);
        }
        return (feeds, problems);
    }
}
