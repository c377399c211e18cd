using System.Text;
using Vigie.Errors;
using Vigie.Readers;

namespace Vigie.Tests.Readers;

/// <summary>Every bad input gives a problem naming its file and line, and the other inputs are still read.</summary>
public class BadInputTests
{
    private const string GoodJsonl = "{\"id\":\"ok\",\"date\":\"2019-03-02\",\"text\":\"Des tirs ont visé Gao samedi.\"}\n";

    [Fact]
    public void Read_EmptyFile_RejectedAndNextFileRead()
    {
        using var dir = new TempDir();
        var empty = dir.File("a-empty.txt", "");
        var good = dir.File("b.jsonl", GoodJsonl);
        var items = Read.All(empty, good);
        items.SingleError(empty, 1, ErrorCatalogue.Empty.Code);
        Assert.Equal("ok", Assert.Single(items.Documents()).Id);
    }

    [Fact]
    public void Read_WhitespaceOnlyJsonl_Rejected()
    {
        Read.Text("blank.jsonl", "\n  \n\t\n").SingleError("blank.jsonl", 1, ErrorCatalogue.Empty.Code);
    }

    [Fact]
    public void Read_BinaryFile_RejectedWithLineOfFirstNul()
    {
        var bytes = Encoding.UTF8.GetBytes("line one\nline two\n").Concat(new byte[] { 0x89, 0x50, 0x00, 0x01 }).ToArray();
        Read.Bytes("photo.txt", bytes).SingleError("photo.txt", 3, ErrorCatalogue.Binary.Code);
    }

    [Fact]
    public void Read_InvalidUtf8Txt_NamesFileAndLineOfFirstBadByte()
    {
        // "Gaó" written in Latin-1 on line 2
        var bytes = Encoding.UTF8.GetBytes("date: 2019-01-02\nAttaque pr").Concat(new byte[] { 0xE8, 0x73 }).Concat(Encoding.UTF8.GetBytes("s de Gao.\n")).ToArray();
        var e = Read.Bytes("latin1.txt", bytes).SingleError("latin1.txt", 2, ErrorCatalogue.Encoding.Code);
        Assert.Contains("0xE8", e.Message);
        Assert.Contains("column 11", e.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InJsonlLine_ThatLineRejectedOthersRead()
    {
        var bytes = Encoding.UTF8.GetBytes(GoodJsonl)
            .Concat(Encoding.UTF8.GetBytes("{\"text\":\"caf")).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n"))
            .Concat(Encoding.UTF8.GetBytes(GoodJsonl.Replace("\"ok\"", "\"ok2\""))).ToArray();
        var items = Read.Bytes("mixed.jsonl", bytes);
        items.SingleError("mixed.jsonl", 2, ErrorCatalogue.Encoding.Code);
        Assert.Equal(["ok", "ok2"], items.Documents().Select(d => d.Id));
    }

    [Fact]
    public void Read_InvalidUtf8InCsv_NamesLine()
    {
        var bytes = Encoding.UTF8.GetBytes("id,date,text\na,2019-01-01,Premier texte\nb,2019-01-02,Deuxi")
            .Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("me texte\n")).ToArray();
        var items = Read.Bytes("t.csv", bytes);
        items.SingleError("t.csv", 3, ErrorCatalogue.Encoding.Code);
        Assert.Equal("a", Assert.Single(items.Documents()).Id);
    }

    [Fact]
    public void Read_Utf16File_RejectedWithAdvice()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("bonjour")).ToArray();
        var e = Read.Bytes("u16.txt", bytes).SingleError("u16.txt", 1, ErrorCatalogue.Encoding.Code);
        Assert.Contains("UTF-8", e.Message);
    }

    [Fact]
    public void Read_JsonlLineNotJson_RejectedWithLineOthersRead()
    {
        var items = Read.Text("d.jsonl", GoodJsonl + "this is not json\n" + GoodJsonl.Replace("\"ok\"", "\"ok3\""));
        items.SingleError("d.jsonl", 2, ErrorCatalogue.Json.Code);
        Assert.Equal(2, items.Documents().Count());
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"date\":\"2019-01-01\"}", nameof(ErrorCatalogue.NoText))]
    [InlineData("{\"id\":\"x\",\"text\":\"   \"}", nameof(ErrorCatalogue.NoText))]
    [InlineData("{\"id\":\"x\",\"text\":42}", nameof(ErrorCatalogue.Field))]
    [InlineData("{\"id\":[1],\"text\":\"Texte\"}", nameof(ErrorCatalogue.Field))]
    [InlineData("{\"title\":{\"a\":1},\"text\":\"Texte\"}", nameof(ErrorCatalogue.Field))]
    [InlineData("[1, 2, 3]", nameof(ErrorCatalogue.Json))]
    [InlineData("\"just a string\"", nameof(ErrorCatalogue.Json))]
    [InlineData("{\"text\":\"T\",\"date\":\"2018-13\"}", nameof(ErrorCatalogue.BadDate))]
    [InlineData("{\"text\":\"T\",\"date\":\"2018-02-30\"}", nameof(ErrorCatalogue.BadDate))]
    [InlineData("{\"text\":\"T\",\"date\":\"hier\"}", nameof(ErrorCatalogue.BadDate))]
    [InlineData("{\"text\":\"T\",\"date\":99999999999999999999}", nameof(ErrorCatalogue.BadDate))]
    [InlineData("{\"text\":\"T\",\"date\":true}", nameof(ErrorCatalogue.Field))]
    public void JsonLines_BadObject_RejectedWithCodeAndLine(string bad, string entry)
    {
        var code = ((ErrorEntry)typeof(ErrorCatalogue).GetField(entry)!.GetValue(null)!).Code;
        var items = Read.Text("b.jsonl", GoodJsonl + bad + "\n");
        var e = items.SingleError("b.jsonl", 2, code);
        Assert.True(e.Message.Length > code.Length + 5, e.Message);
        Assert.Single(items.Documents());
    }

    [Fact]
    public void JsonLines_DeeplyNested_RejectedNotCrashed()
    {
        var deep = "{\"text\":\"T\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";
        Read.Text("deep.jsonl", deep + "\n" + GoodJsonl).SingleError("deep.jsonl", 1, ErrorCatalogue.Json.Code);
    }

    [Fact]
    public void JsonLines_NoDate_KeptWithWarning()
    {
        var items = Read.Text("n.jsonl", "{\"text\":\"Un texte sans date.\"}\n");
        var item = Assert.Single(items);
        Assert.NotNull(item.Document);
        Assert.Null(item.Document!.Published);
        Assert.Equal(ProblemSeverity.Warning, item.Problem!.Severity);
        Assert.StartsWith(ErrorCatalogue.NoDate.Code, item.Problem.Message);
        Assert.Equal("n#1", item.Document.Id);
    }

    [Fact]
    public void JsonFile_SyntaxErrorOnLine3_RejectedAtLine3AfterEarlierObjects()
    {
        var json = "[\n {\"id\":\"a\",\"text\":\"Premier.\"},\n {\"id\":\"b\",\"text\": oops}\n]";
        var items = Read.Text("arr.json", json);
        items.SingleError("arr.json", 3, ErrorCatalogue.Json.Code);
        Assert.Equal("a", Assert.Single(items.Documents()).Id);
    }

    [Fact]
    public void Read_FileOverSizeLimit_Rejected()
    {
        using var dir = new TempDir();
        var big = dir.File("big.jsonl", GoodJsonl + GoodJsonl + GoodJsonl);
        var items = Read.All(new ReaderOptions { MaxFileBytes = 100 }, big);
        var e = Assert.Single(items.Errors());
        Assert.Equal(big, e.Origin.File);
        Assert.StartsWith(ErrorCatalogue.TooLarge.Code, e.Message);
    }

    [Fact]
    public void ReadStream_StdinOverSizeLimit_RejectedNotCrashed()
    {
        var text = string.Concat(Enumerable.Repeat(GoodJsonl, 2000));
        var items = Read.Text("-", text, new ReaderOptions { MaxFileBytes = 20_000, Format = "jsonl" });
        Assert.Contains(items.Errors(), e => e.Message.StartsWith(ErrorCatalogue.TooLarge.Code) && e.Origin.File == "-" && e.Origin.Line >= 1);
        Assert.NotEmpty(items.Documents());
    }

    [Fact]
    public void Read_50MbJsonl_StreamsEveryDocument()
    {
        using var dir = new TempDir();
        var path = System.IO.Path.Combine(dir.Path, "big.jsonl");
        const int docs = 120_000; // ≈ 50 MB: ~430 bytes per line
        var filler = new string('x', 380);
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
            for (var i = 0; i < docs; i++)
                w.Write($"{{\"id\":\"d{i}\",\"date\":\"2020-05-{1 + i % 28:D2}\",\"text\":\"Dépêche {i} : {filler}\"}}\n");
        Assert.True(new FileInfo(path).Length > 50_000_000);

        var count = 0;
        string? last = null;
        foreach (var item in Inputs.Read([path], new ReaderOptions()))
        {
            Assert.Null(item.Problem);
            count++;
            last = item.Document!.Id;
        }
        Assert.Equal(docs, count);
        Assert.Equal($"d{docs - 1}", last);
    }

    [Fact]
    public void JsonLines_FirstDocument_YieldedBeforeTheWholeStreamIsRead()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => GoodJsonl.Replace("\"ok\"", $"\"d{i}\"")));
        var counting = new CountingStream(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        using var e = Inputs.ReadStream("s.jsonl", counting, new ReaderOptions()).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal("d0", e.Current.Document!.Id);
        Assert.True(counting.BytesRead < text.Length / 4, $"read {counting.BytesRead} of {text.Length} bytes before the first document");
    }

    [Fact]
    public void Read_DirectoryWithDanglingLinkAndLinkLoop_ProblemsNamedOthersRead()
    {
        using var dir = new TempDir();
        dir.File("a.jsonl", GoodJsonl);
        File.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "b-dangling.txt"), System.IO.Path.Combine(dir.Path, "gone.txt"));
        File.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "c-loop1.txt"), System.IO.Path.Combine(dir.Path, "c-loop2.txt"));
        File.CreateSymbolicLink(System.IO.Path.Combine(dir.Path, "c-loop2.txt"), System.IO.Path.Combine(dir.Path, "c-loop1.txt"));
        dir.File("d.jsonl", GoodJsonl.Replace("\"ok\"", "\"ok4\""));

        var items = Read.All(dir.Path);
        Assert.Equal(["ok", "ok4"], items.Documents().Select(d => d.Id));
        var errors = items.Errors().ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Origin.File.EndsWith("b-dangling.txt") && e.Message.StartsWith(ErrorCatalogue.Unreadable.Code));
        Assert.Contains(errors, e => e.Origin.File.EndsWith("c-loop1.txt") && e.Message.StartsWith(ErrorCatalogue.Unreadable.Code));
        Assert.Contains(errors, e => e.Origin.File.EndsWith("c-loop2.txt") && e.Message.StartsWith(ErrorCatalogue.Unreadable.Code));
    }

    [Fact]
    public async Task Read_DirectoryWithNamedPipe_ReportedWithoutBlocking()
    {
        using var dir = new TempDir();
        dir.File("a.jsonl", GoodJsonl);
        Assert.Equal(0, MakeFifo(System.IO.Path.Combine(dir.Path, "b-pipe.txt"), 0b110_100_100));
        dir.File("c.jsonl", GoodJsonl.Replace("\"ok\"", "\"ok5\""));
        var reading = Task.Run(() => Read.All(dir.Path));
        var first = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(first == reading, "reading the folder blocked on the named pipe");
        var items = await reading;
        Assert.Equal(["ok", "ok5"], items.Documents().Select(d => d.Id));
        var e = Assert.Single(items.Errors());
        Assert.EndsWith("b-pipe.txt", e.Origin.File);
        Assert.StartsWith(ErrorCatalogue.Empty.Code, e.Message);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    [Fact]
    public void Read_UnreadableFile_ProblemOrReadableAsRoot()
    {
        // chmod 000 stops every user but root; as root the file is read, so both outcomes are checked
        using var dir = new TempDir();
        var locked = dir.File("locked.jsonl", GoodJsonl);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(locked, UnixFileMode.None);
        var items = Read.All(dir.Path);
        var canRead = CanOpen(locked);
        if (canRead) Assert.Single(items.Documents());
        else Assert.StartsWith(ErrorCatalogue.Unreadable.Code, Assert.Single(items.Errors()).Message);
    }

    [Fact]
    public void Read_DirectoryWalk_SortedHiddenSkippedUnknownExtensionsNoted()
    {
        using var dir = new TempDir();
        dir.File("z.jsonl", GoodJsonl.Replace("\"ok\"", "\"z\""));
        dir.File("sub/m.jsonl", GoodJsonl.Replace("\"ok\"", "\"m\""));
        dir.File("a.jsonl", GoodJsonl.Replace("\"ok\"", "\"a\""));
        dir.File(".hidden.jsonl", GoodJsonl.Replace("\"ok\"", "\"hidden\""));
        dir.File(".git/x.jsonl", GoodJsonl.Replace("\"ok\"", "\"git\""));
        dir.File("photo.png", "not read");
        var items = Read.All(dir.Path);
        Assert.Equal(["a", "m", "z"], items.Documents().Select(d => d.Id));
        var note = Assert.Single(items, i => i.Problem != null).Problem!;
        Assert.Equal(ProblemSeverity.Warning, note.Severity);
        Assert.Contains(".png", note.Message);
    }

    [Fact]
    public void Read_MissingPath_RejectedAndNextRead()
    {
        using var dir = new TempDir();
        var good = dir.File("g.jsonl", GoodJsonl);
        var items = Read.All(System.IO.Path.Combine(dir.Path, "nope.txt"), good);
        Assert.StartsWith(ErrorCatalogue.Unreadable.Code, Assert.Single(items.Errors()).Message);
        Assert.Single(items.Documents());
    }

    [Fact]
    public void Read_UnknownFormatOption_RejectedWithChoices()
    {
        var items = Read.All(new ReaderOptions { Format = "docx" }, "x");
        var e = Assert.Single(items.Errors());
        Assert.Contains("jsonl", e.Message);
    }

    [Fact]
    public void Html_PageWithoutArticle_Rejected()
    {
        const string html = "<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav></body></html>";
        var items = Read.Text("menu.html", html);
        items.SingleError("menu.html", 1, ErrorCatalogue.NoArticle.Code);
    }

    [Fact]
    public void Feed_ItemWithBadDate_RejectedAtDateLineOthersRead()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Fil</title>
            <item><title>Premier</title><description>Des combats ont eu lieu près de Kidal.</description>
            <pubDate>Tue, 30 Feb 2021 08:00:00 GMT</pubDate></item>
            <item><title>Second</title><description>Une attaque a visé un poste de police à Gao.</description>
            <pubDate>Wed, 03 Mar 2021 09:30:00 +0000</pubDate></item>
            </channel></rss>
            """;
        var items = Read.Text("fil.rss", rss);
        items.SingleError("fil.rss", 4, ErrorCatalogue.BadDate.Code);
        var doc = Assert.Single(items.Documents());
        Assert.Equal("2021-03-03", doc.Published.ToString());
        Assert.Equal("fil#5", doc.Id);
    }

    [Fact]
    public void Feed_NotWellFormed_RejectedAtXmlLine()
    {
        Read.Text("x.xml", "<rss>\n<channel>\n<item><title>a</title>\n</channel></rss>").SingleError("x.xml", 4, ErrorCatalogue.Feed.Code);
    }

    [Fact]
    public void Feed_Dtd_RefusedNoEntityExpansion()
    {
        const string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<rss><channel><item><title>&b;</title></item></channel></rss>";
        var items = Read.Text("bomb.rss", bomb);
        var e = Assert.Single(items.Errors());
        Assert.StartsWith(ErrorCatalogue.Feed.Code, e.Message);
        Assert.Contains("DTD", e.Message);
        Assert.True(e.Origin.Line >= 1);
        Assert.Empty(items.Documents());
    }

    [Fact]
    public void Csv_BrokenQuoteRow_RejectedOthersRead()
    {
        const string csv = "id,date,text\na,2019-01-01,\"Un texte, avec virgule\"\nb,2019-01-02,Un \"mauvais\" guillemet\nc,2019-01-03,Troisième texte\n";
        var items = Read.Text("q.csv", csv);
        items.SingleError("q.csv", 3, ErrorCatalogue.Csv.Code);
        Assert.Equal(["a", "c"], items.Documents().Select(d => d.Id));
    }

    [Fact]
    public void Csv_NoTextColumn_RejectedAtHeader()
    {
        Read.Text("h.csv", "id,date,body\na,2019-01-01,x\n").SingleError("h.csv", 1, ErrorCatalogue.Csv.Code);
    }

    [Fact]
    public void Csv_BadDateRow_RejectedWithItsLineAfterMultilineRecord()
    {
        const string csv = "id;date;text\na;2019-01-01;\"Premier paragraphe.\n\nSecond paragraphe.\"\nb;2018-13;Texte\n";
        var items = Read.Text("m.csv", csv);
        items.SingleError("m.csv", 5, ErrorCatalogue.BadDate.Code);
        Assert.Equal("Premier paragraphe.\n\nSecond paragraphe.", Assert.Single(items.Documents()).Text);
    }

    private static bool CanOpen(string path)
    {
        try { using var _ = File.OpenRead(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); BytesRead += n; return n; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Read_Utf16WithoutBom_SaidSoNotBinary(string encoding)
    {
        var enc = encoding == "utf-16le" ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false) : new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        var bytes = enc.GetBytes("date: 2019-03-02\n\nDes tirs ont visé Gao samedi, selon l'armée malienne.\n");
        var e = Read.Bytes("utf16.txt", bytes).SingleError("utf16.txt", 1, ErrorCatalogue.Encoding.Code);
        Assert.Contains("UTF-16 without BOM", e.Message);
        Assert.Contains("convert to UTF-8", e.Message);
        Assert.Contains(encoding, e.Message);
    }

    [Fact]
    public void Read_EmptyFolder_ErrorNoInputFiles()
    {
        using var dir = new TempDir();
        var empty = Path.Combine(dir.Path, "inbox");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "README.md"), "notes");
        var e = Read.All(empty).SingleError(empty, 0, ErrorCatalogue.NoInputs.Code);
        Assert.Equal($"{ErrorCatalogue.NoInputs.Code} no input files found in {empty}", e.Message);
    }

    [Fact]
    public void Read_FolderWithAFile_NoNoInputsError()
    {
        using var dir = new TempDir();
        dir.File("a.jsonl", GoodJsonl);
        var items = Read.All(dir.Path);
        Assert.Empty(items.Errors());
        Assert.Single(items.Documents());
    }
}
