using System.Text;
using Vigie.Readers;

namespace Vigie.Tests.Readers;

/// <summary>A scratch directory deleted after the test.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vigie-test-").FullName;

    public string File(string name, string content) => Bytes(name, Encoding.UTF8.GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal static class Read
{
    public static List<ReadItem> All(params string[] paths) => Inputs.Read(paths, new ReaderOptions()).ToList();

    public static List<ReadItem> All(ReaderOptions options, params string[] paths) => Inputs.Read(paths, options).ToList();

    public static List<ReadItem> Text(string name, string content, ReaderOptions? options = null) =>
        Inputs.ReadStream(name, new MemoryStream(Encoding.UTF8.GetBytes(content)), options ?? new ReaderOptions()).ToList();

    public static List<ReadItem> Bytes(string name, byte[] content, ReaderOptions? options = null) =>
        Inputs.ReadStream(name, new MemoryStream(content), options ?? new ReaderOptions()).ToList();

    public static IEnumerable<Vigie.Model.Document> Documents(this IEnumerable<ReadItem> items) => items.Where(i => i.Document != null).Select(i => i.Document!);

    public static IEnumerable<InputProblem> Errors(this IEnumerable<ReadItem> items) =>
        items.Where(i => i.Problem is { Severity: ProblemSeverity.Error }).Select(i => i.Problem!);

    /// <summary>The single error of the items, checked to name the file and a line.</summary>
    public static InputProblem SingleError(this IEnumerable<ReadItem> items, string file, int line, string code)
    {
        var e = Assert.Single(items.Errors());
        Assert.Equal(file, e.Origin.File);
        Assert.Equal(line, e.Origin.Line);
        Assert.StartsWith(code, e.Message);
        return e;
    }
}
