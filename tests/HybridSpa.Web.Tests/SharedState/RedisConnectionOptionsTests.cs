using HybridSpa.Web.SharedState.Redis;

namespace HybridSpa.Web.Tests.SharedState;

/// <summary>What the app makes of <c>Cache:Redis:Configuration</c>, whatever it says.</summary>
public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void An_instance_starts_while_Redis_is_down_even_if_the_connection_string_says_abortConnect_true()
    {
        var options = RedisConnection.Options("redis.internal:6380,ssl=true,abortConnect=true");

        Assert.False(options.AbortOnConnectFail);
    }

    [Fact]
    public void Key_names_which_are_session_and_account_ids_stay_out_of_exception_messages()
    {
        var options = RedisConnection.Options("redis.internal:6380,ssl=true");

        Assert.False(options.IncludeDetailInExceptions);
    }

    [Fact]
    public void Everything_else_is_the_connection_strings_own()
    {
        var options = RedisConnection.Options("redis.internal:6380,ssl=true,sslHost=cache.example,password=secret,defaultDatabase=3,asyncTimeout=1234");

        Assert.True(options.Ssl);
        Assert.Equal("cache.example", options.SslHost);
        Assert.Equal("secret", options.Password);
        Assert.Equal(3, options.DefaultDatabase);
        Assert.Equal(1234, options.AsyncTimeout);
    }
}
