using Vigie.Json;
using Vigie.Model;
using Vigie.Storage;
using static Vigie.Tests.Builders;

namespace Vigie.Tests;

/// <summary>
/// A document's record is stored once: its JSON keeps what no other column holds (no text, no events), and reading it back
/// (a document page, a whole-store copy) puts the text and the events in again, the record as it was written.
/// </summary>
public class StoredRecordTests
{
    private static Extracted TwoEvents() =>
        Doc("rec-1", "Dépêche : combats à Mopti, puis frappe à Djenné.", "2020-03-02",
            Event(EventSubtype.ArmedClash, "2020-03-02", "Mopti", 14.5, -4.2, "ML", killed: 3, source: "AFP"),
            Event(EventSubtype.AirDroneStrike, "2020-03-02", "Djenné", 13.9, -4.5, "ML", killed: 1, source: "AFP"));

    [Fact]
    public void TheStoredJson_HoldsNeitherTheTextNorTheEvents()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var item = TwoEvents();
        store.WriteBatch([item], "run");
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT record_json FROM documents";
        var json = (string)cmd.ExecuteScalar()!;
        Assert.DoesNotContain(item.Document.Text, json);
        Assert.DoesNotContain("\"events\"", json);
        Assert.Contains("\"id\":\"rec-1\"", json);
    }

    [Fact]
    public void ReadBack_ADocumentAndTheWholeStore_GiveTheRecordAsWritten()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var item = TwoEvents();
        var written = VigieJson.Serialize(item.Record);
        store.WriteBatch([item], "run");
        var doc = store.Document("rec-1")!;
        Assert.Equal(written, VigieJson.Serialize(doc.Record));
        Assert.Equal(2, doc.Record.Events!.Count);
        var all = Assert.Single(store.AllDocuments());
        Assert.Equal(written, VigieJson.Serialize(all.Record));
    }

    [Fact]
    public void ARecordStoredWhole_ByAnEarlierVersion_ReadsTheSame()
    {
        using var db = new TempDb();
        using var store = db.Open();
        var item = TwoEvents();
        var written = VigieJson.Serialize(item.Record);
        store.WriteBatch([item], "run");
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "UPDATE documents SET record_json = $j";
            cmd.Parameters.AddWithValue("$j", written);
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(written, VigieJson.Serialize(store.Document("rec-1")!.Record));
        Assert.Equal(written, VigieJson.Serialize(Assert.Single(store.AllDocuments()).Record));
    }
}
