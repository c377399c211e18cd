using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Vigie.Model;
using Vigie.Queue;
using Vigie.Storage;

namespace Vigie.Tests;

/// <summary>Messages, settings, and publishing on the NATS server named by VIGIE_NATS (fails when it is not reachable).</summary>
public class DocumentQueueTests
{
    private static string NatsUrl =>
        Environment.GetEnvironmentVariable("VIGIE_NATS") is { Length: > 0 } url ? url
            : throw new InvalidOperationException("VIGIE_NATS is not set: run scripts/services start and export what it prints (./test does it)");

    [Fact]
    public void Message_RoundTrip_KeepsEveryField()
    {
        var d = new Document("afp-1", "Au moins 12 civils ont été tués.")
        {
            Published = PartialDate.OfYear(2019), Language = "fr", Url = "https://example.org/a", Title = "Idleb", SourceOutlet = "AFP",
            Origin = new Origin("fil.jsonl", 7),
        };
        var back = DocumentMessage.Decode(DocumentMessage.Encode(d), out var error);
        Assert.Null(error);
        Assert.NotNull(back);
        Assert.Equal((d.Id, d.Text, d.Published, d.Language, d.Url, d.Title, d.SourceOutlet, d.Origin), (back.Id, back.Text, back.Published, back.Language, back.Url, back.Title, back.SourceOutlet, back.Origin));
        Assert.Equal(d.ContentHash, back.ContentHash);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"id\": \"a\"}")]
    [InlineData("{\"id\": \"a\", \"text\": \"x\", \"date\": \"2019-13\"}")]
    public void Message_NotADocument_GivesTheReason(string json)
    {
        Assert.Null(DocumentMessage.Decode(System.Text.Encoding.UTF8.GetBytes(json), out var error));
        Assert.StartsWith("not a document message", error);
    }

    [Theory]
    [InlineData("nats://127.0.0.1:4222", "vigie", true)]
    [InlineData("http://127.0.0.1:4222", "vigie", false)]
    [InlineData("nats://127.0.0.1:4222/x", "vigie", false)]
    [InlineData("nats://127.0.0.1:4222", "a.b", false)]
    [InlineData("nats://127.0.0.1:4222", "", false)]
    public void Settings_AddressAndName_AreChecked(string url, string name, bool ok) =>
        Assert.Equal(ok, QueueSettings.Problem(url, name) == null);

    [Fact]
    public void Settings_Subjects_ArePerLanguage()
    {
        var s = new QueueSettings { Url = "nats://h:1", Name = "desk" };
        Assert.Equal("desk.docs.fr", s.SubjectFor("fr"));
        Assert.Equal("desk.docs.und", s.SubjectFor(null));
        Assert.Equal("desk.docs.und", s.SubjectFor("x.>"));
        Assert.Equal("desk.dead.en", s.DeadSubjectFor("en"));
    }

    [Fact]
    public async Task Publish_SameTextTwice_TheStreamKeepsOneAndCountsTheResendAsKnown()
    {
        var settings = new QueueSettings { Url = NatsUrl, Name = "qt" + Guid.NewGuid().ToString("N")[..12] };
        await using var queue = await DocumentQueue.OpenAsync(settings);
        try
        {
            var sink = new QueueSink(queue);
            var fr = new Document("a", "Au moins 12 civils ont été tués à Idleb.") { Language = "fr" };
            var en = new Document("b", "At least 12 civilians were killed in Idlib on Tuesday, the monitor said, and the army was shelling the town."); // no language: guessed
            var copy = new Document("c", "Au moins  12 civils ont été tués à Idleb.") { Language = "fr" }; // same text, re-flowed
            var first = await sink.StoreAsync([fr, en]);
            var second = await sink.StoreAsync([copy, en]);
            Assert.Equal([SinkOutcome.Stored, SinkOutcome.Stored], first.Select(r => r.Outcome).ToArray());
            Assert.Equal([SinkOutcome.Known, SinkOutcome.Known], second.Select(r => r.Outcome).ToArray());

            var stream = await queue.JetStream.GetStreamAsync(settings.Stream);
            Assert.Equal(2, stream.Info.State.Messages);
            var consumer = await queue.JetStream.CreateOrUpdateConsumerAsync(settings.Stream, new ConsumerConfig("probe") { AckPolicy = ConsumerConfigAckPolicy.Explicit });
            var subjects = new List<string>();
            await foreach (var m in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 10, Expires = TimeSpan.FromSeconds(1) })) subjects.Add(m.Subject);
            Assert.Equal([settings.SubjectFor("en"), settings.SubjectFor("fr")], subjects.Order(StringComparer.Ordinal).ToArray());
        }
        finally
        {
            await queue.JetStream.DeleteStreamAsync(settings.Stream);
            await queue.JetStream.DeleteStreamAsync(settings.DeadStream);
        }
    }

    [Fact]
    public async Task Open_NoServer_IsAQueueErrorWithItsCode()
    {
        var e = await Assert.ThrowsAsync<QueueException>(() => DocumentQueue.OpenAsync(new QueueSettings { Url = "nats://127.0.0.1:9", Name = "none" }));
        Assert.StartsWith("VIG-Q001", e.Message);
    }
}
