using Vigie.Errors;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>
/// Walks the paths given on the command line ("-" is stdin; directories are walked recursively in
/// sorted order, hidden entries skipped) and reads each file with the reader for its format:
/// --input-format, else the extension, else the content. Documents are yielded as they are read.
/// Nothing here throws for bad input: unreadable paths, binary or empty files and reader failures
/// are <see cref="ReadItem"/>s with a problem that names the file and line.
/// </summary>
public static class Inputs
{
    /// <summary>Formats by name, as --input-format takes them.</summary>
    public static readonly IReadOnlyDictionary<string, IDocumentReader> Readers = new Dictionary<string, IDocumentReader>(StringComparer.OrdinalIgnoreCase)
    {
        ["seed"] = SeedLineReader.Instance,
        ["txt"] = PlainTextReader.Instance,
        ["jsonl"] = JsonLinesReader.Instance,
        ["json"] = JsonFileReader.Instance,
        ["csv"] = CsvDocumentReader.Instance,
        ["html"] = HtmlDocumentReader.Instance,
        ["feed"] = FeedReader.Instance,
    };

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "txt", [".text"] = "txt",
        [".jsonl"] = "jsonl", [".ndjson"] = "jsonl",
        [".json"] = "json",
        [".csv"] = "csv", [".tsv"] = "csv",
        [".html"] = "html", [".htm"] = "html", [".xhtml"] = "html",
        [".xml"] = "feed", [".rss"] = "feed", [".atom"] = "feed",
    };

    private const int SniffBytes = 8192;

    public static IEnumerable<ReadItem> Read(IEnumerable<string> paths, ReaderOptions options) => Read(paths, options, null);

    /// <summary>As <see cref="Read(IEnumerable{string}, ReaderOptions)"/>, with "-" read from <paramref name="stdin"/> (the console's when null).</summary>
    public static IEnumerable<ReadItem> Read(IEnumerable<string> paths, ReaderOptions options, Func<Stream>? stdin)
    {
        if (options.Format != null && !Readers.ContainsKey(options.Format))
        {
            yield return ReadItem.Reject(new Origin("--input-format", 0),
                $"{ErrorCatalogue.Format.Code} unknown input format '{options.Format}' (one of: {string.Join(", ", Readers.Keys)})");
            yield break;
        }
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var item in ReadStream("-", (stdin ?? Console.OpenStandardInput)(), options, explicitPath: true)) yield return item;
            }
            else if (Directory.Exists(path))
            {
                var visited = new HashSet<string>(StringComparer.Ordinal);
                var files = new int[1];
                var listed = true;
                foreach (var item in Walk(path, options, visited, files))
                {
                    if (item.IsRejection && item.Problem!.Origin.File == path && item.Problem.Origin.Line == 0) listed = false;
                    yield return item;
                }
                // a folder with nothing to read is an input that gave nothing: said, and the run exits 1
                if (files[0] == 0 && listed)
                    yield return ReadItem.Reject(new Origin(path, 0), $"{ErrorCatalogue.NoInputs.Code} no input files found in {path}");
            }
            else
            {
                foreach (var item in ReadFile(path, options, explicitPath: true)) yield return item;
            }
        }
    }

    /// <summary>True when a file with this name is read when its directory is walked.</summary>
    public static bool IsKnownExtension(string path) => ByExtension.ContainsKey(Path.GetExtension(path));

    private static IEnumerable<ReadItem> Walk(string dir, ReaderOptions options, HashSet<string> visited, int[] files)
    {
        var (entries, error) = List(dir, visited);
        if (error != null) { yield return ReadItem.Reject(new Origin(dir, 0), error); yield break; }
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        var skippedCount = 0;
        foreach (var entry in entries!)
        {
            if (entry is DirectoryInfo sub)
            {
                foreach (var item in Walk(Path.Combine(dir, sub.Name), options, visited, files)) yield return item;
            }
            else if (IsKnownExtension(entry.Name) || options.Format != null)
            {
                files[0]++;
                foreach (var item in ReadFile(Path.Combine(dir, entry.Name), options, explicitPath: false)) yield return item;
            }
            else if (!IsDocumentation(entry.Name))
            {
                skippedCount++;
                skipped.Add(entry.Extension.Length == 0 ? "(none)" : entry.Extension.ToLowerInvariant());
            }
        }
        if (skippedCount > 0)
            yield return ReadItem.Note(new Origin(dir, 0),
                $"{ErrorCatalogue.Skipped.Code} {skippedCount} file(s) skipped, extension not a known input format: {string.Join(" ", skipped)} (use --input-format to read them)");
    }

    /// <summary>READMEs, licences and Markdown notes next to inputs are skipped without a warning.</summary>
    private static bool IsDocumentation(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase);

    private static (List<FileSystemInfo>? Entries, string? Error) List(string dir, HashSet<string> visited)
    {
        try
        {
            var info = new DirectoryInfo(dir);
            var real = info.LinkTarget != null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName : info.FullName;
            if (!visited.Add(Path.TrimEndingDirectorySeparator(real))) return ([], null); // a link back to a folder already walked
            var entries = info.EnumerateFileSystemInfos()
                .Where(e => !e.Name.StartsWith('.'))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList();
            return (entries, null);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or System.Security.SecurityException)
        {
            return (null, $"{ErrorCatalogue.Unreadable.Code} cannot list the directory: {Reason(e)}");
        }
    }

    private static IEnumerable<ReadItem> ReadFile(string path, ReaderOptions options, bool explicitPath)
    {
        var (stream, error) = Open(path, options, explicitPath);
        if (error != null) { yield return ReadItem.Reject(new Origin(path, error.StartsWith(ErrorCatalogue.Empty.Code, StringComparison.Ordinal) ? 1 : 0), error); yield break; }
        foreach (var item in ReadStream(path, stream!, options, explicitPath)) yield return item;
    }

    private static (Stream? Stream, string? Error) Open(string path, ReaderOptions options, bool explicitPath)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (info.LinkTarget != null) return (null, $"{ErrorCatalogue.Unreadable.Code} cannot read: symbolic link to '{info.LinkTarget}', which does not exist");
                return (null, $"{ErrorCatalogue.Unreadable.Code} no such file or directory");
            }
            // a file found in a folder with no length is not opened: empty, or not a regular file
            // (a named pipe would block the walk, a device would never end); a path given
            // explicitly is opened, so that "<(command)" and pipes work
            if (!explicitPath && info.Length == 0) return (null, $"{ErrorCatalogue.Empty.Code} empty file, or not a regular file: no document");
            if (info.Length > options.MaxFileBytes) return (null, Utf8Input.TooLargeMessage(options.MaxFileBytes) + $" (the file has {info.Length} bytes)");
            return (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan), null);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return (null, $"{ErrorCatalogue.Unreadable.Code} cannot read: {Reason(e)}");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "not found (a dangling symbolic link?)",
        _ => DocumentFields.Shorten(e.Message),
    };

    /// <summary>
    /// Reads one input already open (a file, stdin, or bytes in memory): size limit, empty and
    /// binary checks, format choice, then the reader, guarded so that no exception escapes.
    /// The stream is disposed when the enumeration ends.
    /// </summary>
    public static IEnumerable<ReadItem> ReadStream(string path, Stream stream, ReaderOptions options, bool explicitPath = true)
    {
        using (stream)
        {
            var head = new byte[SniffBytes];
            var (n, readError) = Fill(stream, head);
            if (readError != null) { yield return ReadItem.Reject(new Origin(path, 0), readError); yield break; }
            var sniff = head.AsSpan(0, n);
            var problem = CheckHead(sniff, out var line);
            if (problem != null) { yield return ReadItem.Reject(new Origin(path, line), problem); yield break; }

            var format = options.Format ?? FormatOf(path, sniff);
            if (format == "txt" && options.Format == null && LooksLikeSeed(sniff)) format = "seed";
            var reader = Readers[format];
            var input = new HeadStream(head, n, stream, options.MaxFileBytes);
            foreach (var item in Guard(path, reader.Read(path, input, options)))
                foreach (var part in DocumentSplitter.Limit(item, options.MaxDocumentChars)) yield return part;
        }
    }

    private static (int Count, string? Error) Fill(Stream stream, byte[] head)
    {
        var n = 0;
        try
        {
            int r;
            while (n < head.Length && (r = stream.Read(head, n, head.Length - n)) > 0) n += r;
            return (n, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return (n, $"{ErrorCatalogue.Unreadable.Code} cannot read: {Reason(e)}");
        }
    }

    /// <summary>Empty, whitespace-only, UTF-16 or binary starts are refused before any reader runs.</summary>
    private static string? CheckHead(ReadOnlySpan<byte> head, out int line)
    {
        line = 1;
        if (head.Length == 0) return $"{ErrorCatalogue.Empty.Code} empty file: no document";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return $"{ErrorCatalogue.Encoding.Code} UTF-16 text: save the file as UTF-8";
        if (Utf16WithoutBom(head) is { } encoding)
            return $"{ErrorCatalogue.Encoding.Code} UTF-16 without BOM ({encoding}): convert to UTF-8 (iconv -f {encoding} -t utf-8)";
        var nul = head.IndexOf((byte)0);
        if (nul >= 0) { line = Utf8Input.LineOf(head, nul); return $"{ErrorCatalogue.Binary.Code} binary file (NUL byte at byte {nul + 1}), not text"; }
        if (head.Length < SniffBytes && IsBlank(head)) return $"{ErrorCatalogue.Empty.Code} the file holds only white space: no document";
        return null;
    }

    /// <summary>
    /// "utf-16le" or "utf-16be" when the bytes look like UTF-16 text with no byte-order mark: most code units have
    /// one zero byte (Latin text), always on the same side; null otherwise (binary files have zeros on both sides).
    /// </summary>
    public static string? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var units = head.Length / 2;
        if (units < 2) return null;
        int zeroHigh = 0, zeroLow = 0, both = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            bool lo = head[i] == 0, hi = head[i + 1] == 0;
            if (lo && hi) both++;
            else if (hi) zeroHigh++;
            else if (lo) zeroLow++;
        }
        if (both * 20 > units) return null;
        if (zeroHigh * 10 >= units * 6 && zeroLow * 50 <= units) return "utf-16le";
        if (zeroLow * 10 >= units * 6 && zeroHigh * 50 <= units) return "utf-16be";
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        foreach (var b in bytes) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>The format for a file: its extension, else what its first bytes look like.</summary>
    public static string FormatOf(string path, ReadOnlySpan<byte> head)
    {
        if (path != "-" && ByExtension.TryGetValue(Path.GetExtension(path), out var f))
        {
            // a .xml that is an HTML page, or a .txt that is a feed, is read for what it is
            if (f == "feed" && Sniff(head) == "html") return "html";
            return f;
        }
        return Sniff(head);
    }

    private static string Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        var rest = head[i..];
        if (rest.IsEmpty) return "txt";
        if (rest[0] == (byte)'[') return "json";
        if (rest[0] == (byte)'{')
        {
            var nl = rest.IndexOf((byte)'\n');
            return nl > 0 && rest[(nl + 1)..].TrimStart(" \t\r\n"u8).StartsWith("{"u8) ? "jsonl" : "json";
        }
        if (rest[0] == (byte)'<')
        {
            var lower = System.Text.Encoding.UTF8.GetString(rest[..Math.Min(rest.Length, 1024)]).ToLowerInvariant();
            if (lower.Contains("<rss") || lower.Contains("<feed") || lower.Contains("<rdf:rdf")) return "feed";
            return "html";
        }
        if (LooksLikeSeed(head)) return "seed";
        return "txt";
    }

    /// <summary>A text whose first non-blank line starts with " date YYYY[-MM[-DD]] " is in the seed line format.</summary>
    public static bool LooksLikeSeed(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        while (!head.IsEmpty)
        {
            var nl = head.IndexOf((byte)'\n');
            var line = nl < 0 ? head : head[..nl];
            if (!IsBlank(line))
            {
                Span<char> chars = stackalloc char[Math.Min(line.Length, 32)];
                for (var i = 0; i < chars.Length; i++) chars[i] = (char)line[i];
                return SeedLineReader.PrefixLength(chars, out var token) > 0 && token.Length >= 4;
            }
            if (nl < 0) break;
            head = head[(nl + 1)..];
        }
        return false;
    }

    /// <summary>Runs a reader so that nothing escapes: an exception becomes a rejection at the last line reached.</summary>
    private static IEnumerable<ReadItem> Guard(string path, IEnumerable<ReadItem> items)
    {
        var any = false;
        var lastLine = 1;
        using var e = items.GetEnumerator();
        while (true)
        {
            ReadItem? failure = null;
            try
            {
                if (!e.MoveNext()) break;
            }
            catch (InputException x) { failure = ReadItem.Reject(new Origin(path, Math.Max(1, x.Line)), x.Message); }
            catch (Exception x) when (x is not OutOfMemoryException)
            {
                failure = ReadItem.Reject(new Origin(path, lastLine),
                    $"{ErrorCatalogue.Internal.Code} the reader failed after this line ({x.GetType().Name}: {DocumentFields.Shorten(x.Message)}); please report it");
            }
            if (failure != null) { yield return failure; yield break; }
            var item = e.Current;
            any = true;
            var line = item.Document?.Origin.Line ?? item.Problem?.Origin.Line ?? 0;
            if (line > 0) lastLine = line;
            yield return item;
        }
        if (!any) yield return ReadItem.Reject(new Origin(path, 1), $"{ErrorCatalogue.Empty.Code} no document found in the file");
    }

    /// <summary>The sniffed first bytes, then the rest of the stream; refuses to go past the size limit (stdin has no length).</summary>
    private sealed class HeadStream(byte[] head, int headLength, Stream rest, long max) : Stream
    {
        private int _headPos;
        private long _total;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            if (_headPos < headLength)
            {
                n = Math.Min(buffer.Length, headLength - _headPos);
                head.AsSpan(_headPos, n).CopyTo(buffer);
                _headPos += n;
            }
            else n = rest.Read(buffer);
            _total += n;
            if (_total > max) throw new InputException(0, Utf8Input.TooLargeMessage(max));
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
