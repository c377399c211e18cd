using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigie.Storage.Sqlite;

/// <summary>
/// One of the writer's statements, prepared once on the store's connection and run through SQLite's own calls
/// (SQLitePCL, the library Microsoft.Data.Sqlite itself calls) rather than a <see cref="SqliteCommand"/>. A command
/// binds every parameter by name at every execution (the name encoded to UTF-8 and looked up in the statement each
/// time) and goes through its reader machinery even for an insert; with about twenty statements per stored document
/// that was a large part of the writer's CPU. Here a parameter's index is looked up once, at its first use, and texts
/// are encoded into a buffer kept by the statement.
/// <para>
/// Values are stored as Microsoft.Data.Sqlite stores them: null as NULL, a string as UTF-8 text, integers and
/// booleans as 64-bit integers, a double as a real (NaN refused as it refuses it); errors are
/// <see cref="SqliteException"/>s with the same message. Parameters are given in one fixed order (<see cref="Set"/>).
/// </para>
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly List<(string Name, int Index)> _parameters = [];
    private int _next;
    private byte[] _text = new byte[1024];

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var stmt);
        if (rc != raw.SQLITE_OK || stmt == null)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new InvalidOperationException("SQLite gave no statement for: " + sql);
        }
        _stmt = stmt;
    }

    /// <summary>Before the values of an execution: the next <see cref="Set"/> gives the first parameter.</summary>
    public Statement Start()
    {
        _next = 0;
        return this;
    }

    /// <summary>
    /// The value of the next parameter, <paramref name="name"/> (null is SQL NULL). The first execution fixes the order
    /// of the names; a later one that gives another name at some place is a mistake of the caller, and throws.
    /// </summary>
    public Statement Set(string name, object? value)
    {
        Bind(Next(name), value);
        return this;
    }

    /// <summary>The next parameter, <paramref name="name"/>, as text given by its UTF-8 bytes (copied by SQLite).</summary>
    public Statement SetUtf8(string name, ReadOnlySpan<byte> utf8)
    {
        var index = Next(name);
        var rc = raw.sqlite3_bind_text(_stmt, index, utf8);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
        return this;
    }

    /// <summary>The index of the next parameter, checked against the order of the first execution.</summary>
    private int Next(string name)
    {
        int index;
        if (_next == _parameters.Count)
        {
            index = raw.sqlite3_bind_parameter_index(_stmt, name);
            if (index == 0) throw new InvalidOperationException($"the statement has no parameter {name}");
            _parameters.Add((name, index));
        }
        else
        {
            var (expected, i) = _parameters[_next];
            if (!ReferenceEquals(expected, name) && expected != name)
                throw new InvalidOperationException($"parameter {name} given where {expected} was expected");
            index = i;
        }
        _next++;
        return index;
    }

    private void Bind(int index, object? value)
    {
        int rc;
        switch (value)
        {
            case null or DBNull:
                rc = raw.sqlite3_bind_null(_stmt, index);
                break;
            case string s:
            {
                var length = Encoding.UTF8.GetMaxByteCount(s.Length);
                if (length > _text.Length) _text = new byte[Math.Max(length, _text.Length * 2)];
                var n = Encoding.UTF8.GetBytes(s, _text);
                rc = raw.sqlite3_bind_text(_stmt, index, _text.AsSpan(0, n)); // copied by SQLite (SQLITE_TRANSIENT)
                break;
            }
            case long l: rc = raw.sqlite3_bind_int64(_stmt, index, l); break;
            case int i: rc = raw.sqlite3_bind_int64(_stmt, index, i); break;
            case short h: rc = raw.sqlite3_bind_int64(_stmt, index, h); break;
            case byte b: rc = raw.sqlite3_bind_int64(_stmt, index, b); break;
            case bool f: rc = raw.sqlite3_bind_int64(_stmt, index, f ? 1 : 0); break;
            case double d:
                if (double.IsNaN(d)) throw new InvalidOperationException("Cannot store 'NaN' values.");
                rc = raw.sqlite3_bind_double(_stmt, index, d);
                break;
            case float g:
                if (float.IsNaN(g)) throw new InvalidOperationException("Cannot store 'NaN' values.");
                rc = raw.sqlite3_bind_double(_stmt, index, g);
                break;
            default:
                throw new InvalidOperationException($"a value of type {value.GetType().Name} cannot be given to a statement");
        }
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Runs the statement to its end; returns the rows it changed.</summary>
    public int Execute()
    {
        int rc;
        while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
        Finish(rc);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs the statement to its end; returns the first column of its first row (DBNull for NULL), null when it gave none.</summary>
    public object? Scalar()
    {
        object? value = null;
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            value = raw.sqlite3_column_type(_stmt, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, 0),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(_stmt, 0).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(_stmt, 0).ToArray(),
                _ => DBNull.Value,
            };
            while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW) { }
        }
        Finish(rc);
        return value;
    }

    /// <summary>
    /// Steps to the next row of a query: true when there is one (read it with the column getters), false at the end,
    /// when the statement is reset. A caller that stops before the end calls <see cref="Reset"/>.
    /// </summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        Finish(rc);
        return false;
    }

    /// <summary>Ends the current execution (a query left before its last row).</summary>
    public void Reset() => raw.sqlite3_reset(_stmt);

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    /// <summary>A column's text, null for NULL.</summary>
    public string? Text(int column) => IsNull(column) ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    /// <summary>A text column's UTF-8 bytes, valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_stmt, column);

    /// <summary>Resets the statement for its next execution (its values stay bound until set again); an error throws after the reset.</summary>
    private void Finish(int rc)
    {
        if (rc == raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_stmt);
            return;
        }
        try { SqliteException.ThrowExceptionForRC(rc, _db); }
        finally { raw.sqlite3_reset(_stmt); }
    }

    public void Dispose() => _stmt.Dispose();
}
