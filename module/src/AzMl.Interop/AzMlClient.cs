// A connection to an azml management endpoint: one azml_client and the web service calls of
// azml.h. JSON text in, JSON text out; the cmdlets turn it into objects with JsonObjectConverter.
using System;
using System.Runtime.InteropServices;
using System.Security;

namespace AzMl
{
    public sealed class AzMlClient : IDisposable
    {
        private readonly AzMlClientHandle handle;

        private AzMlClient(AzMlClientHandle handle, string endpoint, string? certificateAuthorityFile)
        {
            this.handle = handle;
            Endpoint = endpoint;
            CertificateAuthorityFile = certificateAuthorityFile;
        }

        public string Endpoint { get; }
        public string? CertificateAuthorityFile { get; }

        /// <summary>
        /// Creates a client. Makes no network call: the subscription is asked for (GET /subscriptions)
        /// only by SubscriptionId when none was given here.
        /// </summary>
        public static AzMlClient Create(string endpoint, SecureString? token, string? subscriptionId,
                                        string? certificateAuthorityFile, string? userAgent)
        {
            if (string.IsNullOrWhiteSpace(endpoint))
                throw new AzMlException(AzMlErrorCode.Invalid, "The endpoint is empty; give the URL of an azml management endpoint, e.g. http://127.0.0.1:8080.", target: "Endpoint");

            var options = new NativeClientOptions();
            NativeCall.Check(NativeMethods.ClientOptionsInit(ref options, NativeMethods.ClientOptionsVersion), "azml_client_options_init");

            var endpointText = IntPtr.Zero;
            var tokenText = IntPtr.Zero;
            var subscriptionText = IntPtr.Zero;
            var caFileText = IntPtr.Zero;
            var userAgentText = IntPtr.Zero;
            try
            {
                endpointText = Marshal.StringToCoTaskMemUTF8(endpoint);
                tokenText = SecureStringToUtf8(token);
                subscriptionText = string.IsNullOrEmpty(subscriptionId) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(subscriptionId);
                caFileText = string.IsNullOrEmpty(certificateAuthorityFile) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(certificateAuthorityFile);
                userAgentText = string.IsNullOrEmpty(userAgent) ? IntPtr.Zero : Marshal.StringToCoTaskMemUTF8(userAgent);

                options.Endpoint = endpointText;
                options.Token = tokenText;
                options.SubscriptionId = subscriptionText;
                options.CaFile = caFileText;
                options.UserAgent = userAgentText;

                var status = NativeMethods.ClientNew(out var clientHandle, ref options);
                if (status < 0)
                {
                    clientHandle.Dispose();
                    throw AzMlException.FromLastError(status, "azml_client_new");
                }
                return new AzMlClient(clientHandle, endpoint, certificateAuthorityFile);
            }
            finally
            {
                // The library copied every input; the token must not linger in unmanaged memory.
                FreeSecret(tokenText);
                Marshal.FreeCoTaskMem(endpointText);
                Marshal.FreeCoTaskMem(subscriptionText);
                Marshal.FreeCoTaskMem(caFileText);
                Marshal.FreeCoTaskMem(userAgentText);
            }
        }

        /// <summary>The subscription in use: the one given, or else the first the endpoint lists.</summary>
        public string SubscriptionId()
        {
            var status = NativeMethods.ClientSubscriptionId(out var text, handle);
            NativeCall.Check(status, "azml_client_subscription_id");
            return AzMlException.Utf8(text);
        }

        public string GetWebService(string resourceGroup, string name, string? region) =>
            NativeCall.ReturningText("azml_webservice_get",
                (ref NativeBuf output) => NativeMethods.WebServiceGet(ref output, handle, resourceGroup, name,
                                                                       string.IsNullOrEmpty(region) ? null : region));

        public string ListWebServices(string? resourceGroup) =>
            NativeCall.ReturningText("azml_webservice_list",
                (ref NativeBuf output) => NativeMethods.WebServiceList(ref output, handle,
                                                                        string.IsNullOrEmpty(resourceGroup) ? null : resourceGroup));

        public string CreateOrUpdateWebService(string resourceGroup, string name, string webServiceJson) =>
            NativeCall.ReturningText("azml_webservice_create_or_update",
                (ref NativeBuf output) => NativeMethods.WebServiceCreateOrUpdate(ref output, handle, resourceGroup, name, webServiceJson));

        public string PatchWebService(string resourceGroup, string name, string patchJson) =>
            NativeCall.ReturningText("azml_webservice_patch",
                (ref NativeBuf output) => NativeMethods.WebServicePatch(ref output, handle, resourceGroup, name, patchJson));

        public void RemoveWebService(string resourceGroup, string name) =>
            NativeCall.Check(NativeMethods.WebServiceRemove(handle, resourceGroup, name), "azml_webservice_remove");

        public string ListWebServiceKeys(string resourceGroup, string name) =>
            NativeCall.ReturningText("azml_webservice_list_keys",
                (ref NativeBuf output) => NativeMethods.WebServiceListKeys(ref output, handle, resourceGroup, name));

        public void Dispose() => handle.Dispose();

        /// <summary>The native handle, for the calls of other files (AzMlBlobOperations).</summary>
        internal AzMlClientHandle Handle => handle;

        public bool IsDisposed => handle.IsClosed;

        private static IntPtr SecureStringToUtf8(SecureString? secret)
        {
            if (secret == null || secret.Length == 0) return IntPtr.Zero;
            var unicode = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                var plain = Marshal.PtrToStringUni(unicode) ?? string.Empty;
                return Marshal.StringToCoTaskMemUTF8(plain);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unicode);
            }
        }

        /// <summary>Zeroes and frees a UTF-8 copy of a secret made for a native call (IntPtr.Zero: nothing).</summary>
        internal static void FreeSecret(IntPtr utf8)
        {
            if (utf8 == IntPtr.Zero) return;
            var length = 0;
            while (Marshal.ReadByte(utf8, length) != 0) length++;
            for (var i = 0; i < length; i++) Marshal.WriteByte(utf8, i, 0);
            Marshal.FreeCoTaskMem(utf8);
        }
    }
}
