package nl.baken.demo

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.net.Uri
import java.io.File

/** Hands a route's `tel:`, `sms:`, `mailto:` or `https:` address to the phone after a tap. */
fun Context.openRoute(actionUri: String): Boolean {
    val uri = Uri.parse(actionUri)
    val action = when (uri.scheme) {
        "tel" -> Intent.ACTION_DIAL
        "sms", "smsto", "mailto" -> Intent.ACTION_SENDTO
        else -> Intent.ACTION_VIEW
    }
    return try {
        startActivity(Intent(action, uri))
        true
    } catch (e: ActivityNotFoundException) {
        false
    }
}

/** The bytes of a file the user picked through the system picker. */
fun Context.readPicked(uri: Uri): ByteArray? = contentResolver.openInputStream(uri)?.use { it.readBytes() }

/** The media type of a picked photo, as the picker says. */
fun Context.mediaType(uri: Uri): String = contentResolver.getType(uri) ?: "image/jpeg"

/** Copies a file Baken wrote into the place the user chose (Storage Access Framework), then deletes it. */
fun Context.saveTo(uri: Uri, written: File): Boolean = try {
    contentResolver.openOutputStream(uri, "wt")?.use { out -> written.inputStream().use { it.copyTo(out) } } != null
} finally {
    written.delete()
}

/** Where exports are written before they are copied: in the app's own cache, never backed up. */
val Context.scratch: File get() = File(cacheDir, "export")
