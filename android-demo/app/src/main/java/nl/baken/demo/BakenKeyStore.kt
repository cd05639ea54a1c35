package nl.baken.demo

import android.content.Context
import android.os.Build
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.util.Base64
import nl.baken.BakenException
import nl.baken.KeyStore
import java.security.KeyStore as JavaKeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.Mac
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * Baken's `KeyStore` over Android Keystore. Two non-exportable HMAC-SHA256 keys, in StrongBox
 * where the phone has one, usable only while the phone is unlocked:
 * - the device key binds the passcode to this phone;
 * - the biometric key is released only for one operation after a strong fingerprint or face,
 *   through `BiometricPrompt` with the `Mac` from [biometricMacToAuthenticate] as its CryptoObject.
 * The anchor lives in a preference encrypted under a third Keystore key (AES-GCM); the backup
 * rules exclude every preference.
 */
class BakenKeyStore(context: Context) : KeyStore {
    private val keys = JavaKeyStore.getInstance(PROVIDER).apply { load(null) }
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
    /** The biometric `Mac` after the prompt authenticated it; used once. */
    @Volatile private var authenticated: Mac? = null

    override fun deviceMac(data: ByteArray): ByteArray = platform {
        Mac.getInstance(HMAC).run {
            init(key(DEVICE_KEY) { hmacSpec(DEVICE_KEY) })
            doFinal(data)
        }
    }

    /** A `Mac` under the biometric key, for `BiometricPrompt.CryptoObject`; made on first use. */
    fun biometricMacToAuthenticate(): Mac = Mac.getInstance(HMAC).apply {
        init(key(BIOMETRIC_KEY) { hmacSpec(BIOMETRIC_KEY).setUserAuthenticationRequired(true).setInvalidatedByBiometricEnrollment(true).biometricOnly() })
    }

    /** The prompt succeeded with this `Mac`: Baken may use it for the next biometric MAC. */
    fun authenticated(mac: Mac) {
        authenticated = mac
    }

    override fun biometricMac(data: ByteArray): ByteArray = platform {
        val mac = authenticated ?: throw IllegalStateException("no fingerprint or face was confirmed")
        authenticated = null
        mac.doFinal(data)
    }

    override fun destroyKey() = platform {
        listOf(DEVICE_KEY, BIOMETRIC_KEY, ANCHOR_KEY).forEach { if (keys.containsAlias(it)) keys.deleteEntry(it) }
        prefs.edit().clear().commit()
        Unit
    }

    override fun readAnchor(): ByteArray = platform {
        val stored = prefs.getString(ANCHOR, null) ?: return@platform ByteArray(0)
        val sealed = Base64.decode(stored, Base64.NO_WRAP)
        Cipher.getInstance(AES_GCM).run {
            init(Cipher.DECRYPT_MODE, key(ANCHOR_KEY) { aesSpec() }, GCMParameterSpec(128, sealed, 0, IV_BYTES))
            doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES)
        }
    }

    override fun writeAnchor(anchor: ByteArray) = platform {
        val cipher = Cipher.getInstance(AES_GCM).apply { init(Cipher.ENCRYPT_MODE, key(ANCHOR_KEY) { aesSpec() }) }
        val sealed = cipher.iv + cipher.doFinal(anchor)
        check(prefs.edit().putString(ANCHOR, Base64.encodeToString(sealed, Base64.NO_WRAP)).commit()) { "the anchor was not saved" }
    }

    /** The key under `alias`, generated the first time (in StrongBox when there is one). */
    private fun key(alias: String, spec: () -> KeyGenParameterSpec.Builder): SecretKey {
        (keys.getKey(alias, null) as? SecretKey)?.let { return it }
        val algorithm = if (alias == ANCHOR_KEY) KeyProperties.KEY_ALGORITHM_AES else KeyProperties.KEY_ALGORITHM_HMAC_SHA256
        val generator = KeyGenerator.getInstance(algorithm, PROVIDER)
        return try {
            generator.init(spec().setIsStrongBoxBacked(true).build())
            generator.generateKey()
        } catch (e: StrongBoxUnavailableException) {
            generator.init(spec().build())
            generator.generateKey()
        }
    }

    private fun hmacSpec(alias: String) = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_SIGN).setUnlockedDeviceRequired(true)

    private fun aesSpec() = KeyGenParameterSpec.Builder(ANCHOR_KEY, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
        .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
        .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
        .setKeySize(256)
        .setUnlockedDeviceRequired(true)

    /** Every use needs a fresh strong biometric (API 30+: no device credential; before: validity -1). */
    private fun KeyGenParameterSpec.Builder.biometricOnly() = apply {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) setUserAuthenticationParameters(0, KeyProperties.AUTH_BIOMETRIC_STRONG)
        else @Suppress("DEPRECATION") setUserAuthenticationValidityDurationSeconds(-1)
    }

    /** Platform failures reach Baken as its `Platform` error, without key material. */
    private fun <T> platform(call: () -> T): T = try {
        call()
    } catch (e: Exception) {
        throw BakenException.Platform("Android Keystore: ${e.javaClass.simpleName}")
    }

    private companion object {
        const val PROVIDER = "AndroidKeyStore"
        const val HMAC = "HmacSHA256"
        const val AES_GCM = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
        const val DEVICE_KEY = "baken-device"
        const val BIOMETRIC_KEY = "baken-biometric"
        const val ANCHOR_KEY = "baken-anchor"
        const val PREFS = "baken-anchor"
        const val ANCHOR = "anchor"
    }
}
