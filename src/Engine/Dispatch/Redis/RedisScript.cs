using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Warning.Engine.Dispatch.Redis;

/// <summary>
/// One Lua script run by EVALSHA. The first NOSCRIPT reply (a new server, a restart, SCRIPT FLUSH) falls back to one
/// EVAL, which loads the script on the node that owns the keys, so it also works on Redis Cluster.
/// Connection failures and timeouts become <see cref="DispatchStoreUnavailableException"/>.
/// </summary>
internal sealed class RedisScript
{
    private readonly string _source;
    private readonly byte[] _sha1;

    public RedisScript(string source)
    {
        _source = source;
#pragma warning disable CA5350 // SHA-1 is what Redis names scripts by, not a security measure.
        _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(source));
#pragma warning restore CA5350
    }

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] values,
        string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            try
            {
                return await database.ScriptEvaluateAsync(_sha1, keys, values).WaitAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                return await database.ScriptEvaluateAsync(_source, keys, values).WaitAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (RedisConnectionException ex)
        {
            throw new DispatchStoreUnavailableException($"Redis connection failed during {what}; retry the batch.", ex);
        }
        catch (RedisTimeoutException ex)
        {
            throw new DispatchStoreUnavailableException($"Redis timed out during {what}; retry the batch.", ex);
        }
    }
}
