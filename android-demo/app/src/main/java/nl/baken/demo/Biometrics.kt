package nl.baken.demo

import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity

/**
 * Asks for a strong fingerprint or face with the biometric key's `Mac` as the CryptoObject: the
 * key works only because the hardware saw the user, not because a callback said so. Then `onDone`,
 * which lets Baken use that `Mac` once (enable or unlock).
 */
fun FragmentActivity.confirmBiometric(keyStore: BakenKeyStore, title: String, cancel: String, onDone: () -> Unit) {
    val mac = try {
        keyStore.biometricMacToAuthenticate()
    } catch (e: Exception) {
        return // no strong biometric enrolled, or it changed: the passcode still works
    }
    val callback = object : BiometricPrompt.AuthenticationCallback() {
        override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) {
            result.cryptoObject?.mac?.let { keyStore.authenticated(it); onDone() }
        }
    }
    val info = BiometricPrompt.PromptInfo.Builder().setTitle(title).setNegativeButtonText(cancel).setAllowedAuthenticators(BIOMETRIC_STRONG).build()
    BiometricPrompt(this, ContextCompat.getMainExecutor(this), callback).authenticate(info, BiometricPrompt.CryptoObject(mac))
}
