using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Vigie.Errors;

namespace Vigie.Readers;

/// <summary>One line of a streamed file: its number (from 1) and its text, or why it cannot be read.</summary>
public readonly record struct RawLine(int Number, string? Text, string? Error);

/// <summary>
/// Strict UTF-8 input. Every byte is checked: invalid sequences and NUL bytes are reported with
/// the line of the first bad byte, never replaced silently. A leading byte order mark is dropped.
/// </summary>
public static class Utf8Input
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Streams the lines of <paramref name="stream"/> ("\n" or "\r\n" endings). A line with
    /// invalid UTF-8 or a NUL byte comes back with <see cref="RawLine.Error"/> set and the next
    /// lines are still read. A line longer than <paramref name="maxLineBytes"/> is an error too.
    /// </summary>
    public static IEnumerable<RawLine> ReadLines(Stream stream, long maxLineBytes)
    {
        var buf = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int start = 0, end = 0, lineNo = 0;
            var eof = false;
            var skipping = false; // inside an over-long line: drop bytes up to the next newline
            var first = true;
            while (true)
            {
                var nl = buf.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (nl < 0 && !eof)
                {
                    if (start > 0) { Buffer.BlockCopy(buf, start, buf, 0, end - start); end -= start; start = 0; }
                    if (end == buf.Length)
                    {
                        if (skipping || end >= maxLineBytes) { skipping = true; start = end = 0; }
                        else
                        {
                            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buf.Length * 2, Array.MaxLength));
                            Buffer.BlockCopy(buf, 0, bigger, 0, end);
                            ArrayPool<byte>.Shared.Return(buf);
                            buf = bigger;
                        }
                    }
                    var n = stream.Read(buf, end, buf.Length - end);
                    if (n == 0) eof = true; else end += n;
                    continue;
                }
                if (nl < 0 && start == end && !skipping) break; // end of input after a final newline
                var len = nl < 0 ? end - start : nl;
                lineNo++;
                if (skipping)
                {
                    yield return new RawLine(lineNo, null, $"{ErrorCatalogue.TooLarge.Code} line longer than {maxLineBytes} bytes");
                    skipping = false;
                }
                else
                {
                    var span = buf.AsSpan(start, len);
                    if (first && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
                    if (span.Length > 0 && span[^1] == (byte)'\r') span = span[..^1];
                    yield return Decode(lineNo, span);
                }
                first = false;
                if (nl < 0) break;
                start += nl + 1;
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buf); }
    }

    private static RawLine Decode(int lineNo, ReadOnlySpan<byte> span)
    {
        var nul = span.IndexOf((byte)0);
        if (nul >= 0) return new RawLine(lineNo, null, $"{ErrorCatalogue.Binary.Code} NUL byte at column {nul + 1}: binary data, not text");
        if (!Utf8.IsValid(span)) return new RawLine(lineNo, null, InvalidUtf8Message(span, FirstInvalid(span)));
        return new RawLine(lineNo, Encoding.UTF8.GetString(span), null);
    }

    /// <summary>Reads a whole input (up to <paramref name="maxBytes"/>) and decodes it, or says which line is bad.</summary>
    public static bool TryReadAll(Stream stream, long maxBytes, out string text, out int badLine, out string error)
    {
        text = "";
        if (!TryReadBytes(stream, maxBytes, out var bytes, out error)) { badLine = 1; return false; }
        return TryDecode(bytes, out text, out badLine, out error);
    }

    /// <summary>Reads all bytes of an input, refusing more than <paramref name="maxBytes"/>.</summary>
    public static bool TryReadBytes(Stream stream, long maxBytes, out byte[] bytes, out string error)
    {
        bytes = []; error = "";
        using var ms = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (ms.Length + n > maxBytes) { error = TooLargeMessage(maxBytes); return false; }
            ms.Write(chunk, 0, n);
        }
        bytes = ms.ToArray();
        return true;
    }

    public static string TooLargeMessage(long maxBytes) =>
        $"{ErrorCatalogue.TooLarge.Code} larger than {maxBytes} bytes: split the file or raise the limit";

    /// <summary>Decodes UTF-8 bytes strictly (BOM dropped); on failure gives the line and a message.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out int badLine, out string error)
    {
        text = ""; badLine = 0; error = "";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) { badLine = LineOf(bytes, nul); error = $"{ErrorCatalogue.Binary.Code} NUL byte: binary data, not text"; return false; }
        if (!Utf8.IsValid(bytes))
        {
            var bad = FirstInvalid(bytes);
            badLine = LineOf(bytes, bad);
            var lineStart = bytes[..bad].LastIndexOf((byte)'\n') + 1;
            error = InvalidUtf8Message(bytes[lineStart..], bad - lineStart);
            return false;
        }
        text = Strict.GetString(bytes);
        return true;
    }

    /// <summary>The line (from 1) of byte <paramref name="offset"/>.</summary>
    public static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;

    private static int FirstInvalid(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length)
        {
            if (Rune.DecodeFromUtf8(span[i..], out _, out var consumed) != OperationStatus.Done) return i;
            i += consumed;
        }
        return span.Length;
    }

    private static string InvalidUtf8Message(ReadOnlySpan<byte> line, int offset) =>
        $"{ErrorCatalogue.Encoding.Code} not valid UTF-8 (byte 0x{(offset < line.Length ? line[offset] : 0):X2} at column {offset + 1}); convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)";

    /// <summary>A TextReader over strict UTF-8 for parsers that stream (CSV): throws <see cref="InputException"/> with the line of a bad byte.</summary>
    public static TextReader OpenText(Stream stream) => new StrictReader(stream);

    private sealed class StrictReader(Stream stream) : TextReader
    {
        private readonly byte[] _bytes = new byte[64 * 1024];
        private int _start, _end;
        private bool _eof, _first = true;
        private int _line = 1; // line of the next byte to decode

        private char _pending = '\0'; // low surrogate left over by Read()

        public override int Read()
        {
            if (_pending != '\0') { var c = _pending; _pending = '\0'; return c; }
            Span<char> two = stackalloc char[2];
            var n = Read(two);
            if (n == 0) return -1;
            if (n == 2) _pending = two[1];
            return two[0];
        }

        public override int Peek() => throw new NotSupportedException();

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty) return 0;
            if (_pending != '\0') { buffer[0] = _pending; _pending = '\0'; return 1; }
            if (buffer.Length == 1) { var c = Read(); if (c < 0) return 0; buffer[0] = (char)c; return 1; }
            while (true)
            {
                if (_end - _start < 4 && !_eof) Fill();
                if (_first && _end - _start >= 3 && _bytes.AsSpan(_start, 3).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _start += 3;
                _first = false;
                if (_start == _end) return 0;
                var src = _bytes.AsSpan(_start, _end - _start);
                var nul = src.IndexOf((byte)0);
                if (nul == 0) throw new InputException(_line, $"{ErrorCatalogue.Binary.Code} NUL byte: binary data, not text");
                if (nul > 0) src = src[..nul];
                var status = Utf8.ToUtf16(src, buffer, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _eof || nul > 0);
                _line += src[..read].Count((byte)'\n');
                _start += read;
                if (written > 0) return written;
                if (status == OperationStatus.InvalidData)
                    throw new InputException(_line, InvalidUtf8Message(_bytes.AsSpan(_start, _end - _start), 0));
                if (status == OperationStatus.NeedMoreData)
                {
                    if (_eof) throw new InputException(_line, InvalidUtf8Message(_bytes.AsSpan(_start, _end - _start), 0));
                    Fill();
                }
            }
        }

        private void Fill()
        {
            if (_start > 0) { Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start); _end -= _start; _start = 0; }
            while (_end < _bytes.Length)
            {
                var n = stream.Read(_bytes, _end, _bytes.Length - _end);
                if (n == 0) { _eof = true; break; }
                _end += n;
                if (_end - _start >= 4) break;
            }
        }
    }
}
