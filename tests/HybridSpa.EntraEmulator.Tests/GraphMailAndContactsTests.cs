using System.Net;
using System.Text.Json;
using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>Graph /me/messages (Mail.Read) and /me/contacts (Contacts.Read): per-user fixtures, $select, $top, paging, and 403 without the scope.</summary>
public sealed class GraphMailAndContactsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.CreateClient();

    private EntraEmulatorHost Host => fixture.Host;

    private GraphClient Graph => new(Host, _client);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Messages_list_the_users_own_mailbox_newest_first_with_subject_from_and_receivedDateTime()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read", "Mail.Read");

        var response = await Graph.GetAsync("v1.0/me/messages", token, SpaRequests.Origin);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(SpaRequests.Origin, response.Header("Access-Control-Allow-Origin"));
        Assert.Equal($"{Host.BaseAddress}v1.0/$metadata#users('{TestUsers.Adele}')/messages", response.Json.GetProperty("@odata.context").GetString());
        var received = response.Value.Select(m => m.GetProperty("receivedDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(Host.Options.Users.Single(u => u.ObjectId == TestUsers.Adele).Messages.Count, received.Count);
        Assert.Equal(received.OrderByDescending(d => d), received);
        var newest = response.Value[0];
        Assert.Equal("Quarterly retail review: agenda", newest.GetProperty("subject").GetString());
        Assert.Equal("Megan Bowen", newest.GetProperty("from").GetProperty("emailAddress").GetProperty("name").GetString());
        Assert.Equal("AdeleV@hybridspa.onmicrosoft.com", newest.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
    }

    [Fact]
    public void Every_default_user_has_a_handful_of_messages_with_sender_subject_and_date()
    {
        var users = EntraEmulatorOptions.CreateDefault().Users;

        Assert.All(users, user =>
        {
            Assert.InRange(user.Messages.Count, 3, 10);
            Assert.All(user.Messages, m => Assert.False(string.IsNullOrEmpty(m.Subject) || string.IsNullOrEmpty(m.FromAddress) || m.ReceivedDateTime == default));
        });
    }

    [Fact]
    public async Task Top_and_select_return_the_five_newest_with_the_selected_properties_plus_id_and_etag()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read", "Mail.Read");

        var response = await Graph.GetAsync("v1.0/me/messages?$top=5&$select=receivedDateTime,subject,from&$orderby=receivedDateTime desc", token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(5, response.Value.Length);
        Assert.All(response.Value, m => Assert.Equal(["@odata.etag", "id", "receivedDateTime", "subject", "from"], m.EnumerateObject().Select(p => p.Name)));
        Assert.EndsWith("/messages(receivedDateTime,subject,from)", response.Json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Value, m => m.GetProperty("subject").GetString() == "Welcome to HybridSpa Development");
    }

    [Fact]
    public async Task Paging_follows_odata_nextLink_until_every_message_was_seen_once()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "Mail.Read");
        var seen = new List<string>();
        var pages = 0;

        for (var next = "v1.0/me/messages?$top=4&$select=subject"; next is not null; pages++)
        {
            var page = await Graph.GetAsync(next, token);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Value.Select(m => m.GetProperty("id").GetString()!));
            next = page.NextLink;
            Assert.True(next is null || next.Contains("%24select=subject", StringComparison.Ordinal), next);
        }

        Assert.Equal(2, pages);
        Assert.Equal(6, seen.Count);
        Assert.Equal(seen.Distinct(), seen);
    }

    [Fact]
    public async Task Skip_past_the_end_is_an_empty_last_page()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "Mail.Read");

        var response = await Graph.GetAsync($"v1.0/me/messages?$top=1000&$skip={int.MaxValue}", token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Value);
        Assert.Null(response.NextLink);
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_mailbox()
    {
        var alex = await GraphTokens.AccessTokenAsync(Host, TestUsers.Alex, "User.Read", "Mail.Read");

        var response = await Graph.GetAsync("v1.0/me/messages", alex);

        Assert.Equal(["Campaign assets for review", "Re: Lunch on Friday?", "Marketing sync moved"], response.Value.Select(m => m.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task Messages_without_Mail_Read_is_403_ErrorAccessDenied_with_cors()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read");

        var response = await Graph.GetAsync("v1.0/me/messages", token, SpaRequests.Origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ErrorAccessDenied", response.ErrorCode);
        Assert.Equal("Access is denied. Check credentials and try again.", response.Json.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(SpaRequests.Origin, response.Header("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("$top=0")]
    [InlineData("$top=ten")]
    [InlineData("$top=1001")]
    [InlineData("$skip=-1")]
    [InlineData("$select=nonsense")]
    [InlineData("$orderby=bodyPreview desc")]
    [InlineData("$filter=isRead eq false")]
    public async Task Unusable_query_options_on_messages_are_a_graph_400(string query)
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "Mail.Read");

        var response = await Graph.GetAsync($"v1.0/me/messages?{query}", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("RequestBroker--ParseUri", response.ErrorCode);
    }

    [Fact]
    public async Task Contacts_list_the_users_contacts_with_Contacts_Read()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "Contacts.Read");

        var response = await Graph.GetAsync("v1.0/me/contacts?$select=displayName,emailAddresses&$orderby=displayName desc", token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["Patti Fernandez", "Megan Bowen", "Alex Wilber"], response.Value.Select(c => c.GetProperty("displayName").GetString()));
        Assert.Equal("patti@fourthcoffee.example", response.Value[0].GetProperty("emailAddresses")[0].GetProperty("address").GetString());
        Assert.Null(response.NextLink);
    }

    [Fact]
    public async Task Contacts_without_Contacts_Read_is_403_ErrorAccessDenied()
    {
        var token = await GraphTokens.AccessTokenAsync(Host, TestUsers.Adele, "User.Read", "Mail.Read");

        var response = await Graph.GetAsync("v1.0/me/contacts", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("ErrorAccessDenied", response.ErrorCode);
    }

    [Fact]
    public async Task A_user_without_fixtures_has_an_empty_mailbox_not_an_error()
    {
        var user = TestUsers.AddUser(Host);
        var token = await GraphTokens.AccessTokenAsync(Host, user.ObjectId, "Mail.Read");

        var response = await Graph.GetAsync("v1.0/me/messages", token);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Value);
        Assert.Equal(JsonValueKind.Undefined, response.Json.TryGetProperty("@odata.nextLink", out var link) ? link.ValueKind : JsonValueKind.Undefined);
    }
}
