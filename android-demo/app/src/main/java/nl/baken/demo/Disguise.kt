package nl.baken.demo

import android.content.ComponentName
import android.content.Context
import android.content.pm.PackageManager

/**
 * The launcher entry: Baken, or the disguise ("Notes" with a plain icon). Exactly one of the two
 * activity-aliases in the manifest is enabled. Settings › Apps still shows the real name.
 */
object Disguise {
    fun isOn(context: Context): Boolean =
        context.packageManager.getComponentEnabledSetting(alias(context, DISGUISE)) == PackageManager.COMPONENT_ENABLED_STATE_ENABLED

    fun set(context: Context, on: Boolean) {
        val pm = context.packageManager
        pm.setComponentEnabledSetting(alias(context, DISGUISE), state(on), PackageManager.DONT_KILL_APP)
        pm.setComponentEnabledSetting(alias(context, LAUNCHER), state(!on), PackageManager.DONT_KILL_APP)
    }

    private fun state(on: Boolean) = if (on) PackageManager.COMPONENT_ENABLED_STATE_ENABLED else PackageManager.COMPONENT_ENABLED_STATE_DISABLED

    private fun alias(context: Context, name: String) = ComponentName(context, "nl.baken.demo.$name")

    private const val LAUNCHER = "Launcher"
    private const val DISGUISE = "Disguise"
}
